using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RecSaeExplorer.Web.Tests.Api;

/// <summary>What each endpoint returns matches the schema the OpenAPI document gives for its 200 response.</summary>
[Collection(ApiCollection.Name)]
public sealed class ResponseSchemaTests(ApiFixture api)
{
    public static TheoryData<string> Gets => new()
    {
        "/api/v1/datasets", "/api/v1/datasets/ml-latest-small/stats", "/api/v1/runs", "/api/v1/runs/{sae}", "/api/v1/runs/{rec}",
        "/api/v1/runs/{sae}/neurons?limit=20", "/api/v1/runs/{sae}/neurons/0", "/api/v1/runs/{sae}/items/1", "/api/v1/runs/{sae}/users/1",
        "/api/v1/experiments",
    };

    [Theory]
    [MemberData(nameof(Gets))]
    public async Task Get_responses_match_their_documented_schema(string template)
    {
        string url = template.Replace("{sae}", api.SaeId).Replace("{rec}", api.RecommenderId);
        var response = await api.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertMatches(response, "get", template.Split('?')[0]);
    }

    [Fact]
    public async Task Simulation_responses_match_their_documented_schema()
    {
        var promotion = await api.Client.PostAsJsonAsync($"/api/v1/runs/{api.SaeId}/simulations/promotion",
            new { itemId = 1, neuron = 0, levels = new[] { 0.0, 4.0 }, audience = "test", usersLimit = 3 });
        Assert.Equal(HttpStatusCode.OK, promotion.StatusCode);
        await AssertMatches(promotion, "post", "/api/v1/runs/{sae}/simulations/promotion");
        var shift = await api.Client.PostAsJsonAsync($"/api/v1/runs/{api.SaeId}/simulations/shift",
            new { neuron = 0, level = 0.0, audience = "test", usersLimit = 3 });
        Assert.Equal(HttpStatusCode.OK, shift.StatusCode);
        await AssertMatches(shift, "post", "/api/v1/runs/{sae}/simulations/shift");
    }

    [Fact]
    public async Task The_check_catches_a_body_that_does_not_fit()
    {
        using var openApi = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        using var runs = JsonDocument.Parse(await api.Client.GetStringAsync("/api/v1/runs"));
        var schemas = openApi.RootElement.GetProperty("components").GetProperty("schemas");
        var check = new SchemaCheck(openApi.RootElement);
        check.Check(runs.RootElement, schemas.GetProperty("NeuronDetail"), "$");
        Assert.Contains(check.Errors, e => e.Contains("'profile' missing"));
        Assert.Contains(check.Errors, e => e.Contains("undocumented property 'total'"));
        var typed = new SchemaCheck(openApi.RootElement);
        typed.Check(JsonDocument.Parse("""{ "total": "many", "offset": 0, "limit": 1, "items": [] }""").RootElement, schemas.GetProperty("PageOfRunSummary"), "$");
        Assert.Contains(typed.Errors, e => e.StartsWith("$.total"));
    }

    private async Task AssertMatches(HttpResponseMessage response, string method, string template)
    {
        using var openApi = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        string path = template.Replace("{sae}", "{runId}").Replace("{rec}", "{runId}")
            .Replace("/ml-latest-small/", "/{name}/").Replace("/neurons/0", "/neurons/{neuron}").Replace("/items/1", "/items/{itemId}").Replace("/users/1", "/users/{userId}");
        var schema = openApi.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses")
            .GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var check = new SchemaCheck(openApi.RootElement);
        check.Check(body.RootElement, schema, "$");
        Assert.True(check.Errors.Count == 0, string.Join("\n", check.Errors.Take(20)));
    }
}
