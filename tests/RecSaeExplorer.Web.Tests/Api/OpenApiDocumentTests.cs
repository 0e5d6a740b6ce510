using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace RecSaeExplorer.Web.Tests.Api;

/// <summary>The OpenAPI document parses and validates, and lists every endpoint mapped under /api/v1; the reference page is served.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiFixture api)
{
    [Fact]
    public async Task The_document_validates_and_lists_every_api_endpoint()
    {
        var response = await api.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var read = await OpenApiDocument.LoadAsync(stream, "json");
        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!);

        using var doc = JsonDocument.Parse(text);
        var documented = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).ToHashSet();
        var mapped = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} {e.RoutePattern.RawText!.Replace(":int", "").TrimEnd('/')}"))
            .ToHashSet();
        Assert.Equal(12, mapped.Count);
        Assert.Equal(mapped.Order(), documented.Order());
        Assert.Contains("POST /api/v1/runs/{runId}/simulations/promotion", documented);
        Assert.Contains("POST /api/v1/runs/{runId}/simulations/shift", documented);
        Assert.DoesNotContain(documented, d => d.Contains("experiments.csv"));
    }

    [Fact]
    public async Task The_reference_page_is_served()
    {
        var response = await api.Client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
