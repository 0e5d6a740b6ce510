using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Api;

/// <summary>
/// The whole explorer in memory (WebApplicationFactory) over a temp store holding the tiny MF (dim 8) on
/// ml-latest-small and a top-k SAE (128 neurons) on it; no default run is trained on start.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly string _folder = TestPaths.NewTempFolder();

    public string StorePath => Path.Combine(_folder, "store.db");
    public string SaeId { get; private set; } = "";
    public string RecommenderId { get; private set; } = "";
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using (var catalog = EngineServices.Catalog(_folder))
        {
            SaeId = await NeuronRunsFixture.TrainAsync(catalog);
            RecommenderId = catalog.Find(SaeId)!.ParentRunId!;
        }
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Explorer:StorePath", StorePath)
            .UseSetting("Explorer:TrainDefaultRunOnStart", "false"));
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
