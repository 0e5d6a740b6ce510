using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Web.Tests.Api;

/// <summary>
/// With anonymous browsing off, the API answers only to a signed-in session or an account's bearer token, whose
/// role applies as in the pages; no credentials, a wrong token or a revoked one get 401, never the login page.
/// </summary>
public sealed class ApiTokenTests : IAsyncLifetime
{
    private readonly string _folder = TestPaths.NewTempFolder();
    private WebApplicationFactory<Program> _factory = null!;
    private string _token = "";

    private string Store => Path.Combine(_folder, "store.db");

    public Task InitializeAsync()
    {
        _token = ApiTokens.NewToken();
        using (var store = new RunStore(Store))
        {
            store.SaveAccount(new Account
            {
                UserName = "notebook", NormalizedUserName = "NOTEBOOK", Role = Roles.Viewer,
                ApiTokenHash = ApiTokens.Hash(_token), ApiTokenCreatedUtc = DateTime.UtcNow,
            });
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Explorer:StorePath", Store)
            .UseSetting("Explorer:TrainDefaultRunOnStart", "false")
            .UseSetting("Security:AnonymousViewer", "false"));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_token_opens_the_api_and_nothing_else_does()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var anonymous = await client.GetAsync("/api/v1/runs");
        Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{anonymous.StatusCode} {anonymous.Headers.Location}");
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(client, "/api/v1/runs", "rsx_not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(client, "/api/v1/runs", _token)).StatusCode);
        // The pages still send people to the login form.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/runs")).StatusCode);

        using (var store = new RunStore(Store))
        {
            var account = store.FindAccountByName("NOTEBOOK")!;
            account.ApiTokenHash = null;
            store.SaveAccount(account);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(client, "/api/v1/runs", _token)).StatusCode);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
