extern alias cli;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Tests.Labs;
using RecSaeExplorer.Web.Tests.Support;
using CliApp = cli::RecSaeExplorer.Cli.CliApp;

namespace RecSaeExplorer.Web.Tests.Api;

/// <summary>A promotion simulated through the API reaches the same users as the lab service and the CLI for the same inputs.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiSimulationTests(ApiFixture api)
{
    [Fact]
    public async Task Api_lab_and_cli_agree_on_reach()
    {
        using var catalog = EngineServices.Catalog(Path.GetDirectoryName(api.StorePath)!);
        using var concepts = new ConceptCatalog(catalog, NullLogger<ConceptCatalog>.Instance);
        var sae = await concepts.OpenAsync(api.SaeId);
        var found = await LabCase.FindAsync(sae);
        int itemId = found.ItemId;
        double[] levels = [0, found.Low, found.High];

        var response = await api.Client.PostAsJsonAsync($"/api/v1/runs/{api.SaeId}/simulations/promotion",
            new { itemId, neuron = found.Neuron, levels, level = found.High, audience = "test", usersLimit = 5 });
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var result = JsonDocument.Parse(body);
        var apiReach = result.RootElement.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("reached").GetInt32()).ToArray();
        var at = result.RootElement.GetProperty("atLevel");
        Assert.Equal(found.HighStep.Reached, at.GetProperty("reached").GetInt32());
        Assert.Equal(found.HighStep.Eligible, at.GetProperty("eligible").GetInt32());
        Assert.Equal(5, result.RootElement.GetProperty("users").GetArrayLength());
        Assert.Equal(sae.Split.TestUsers.Count, result.RootElement.GetProperty("usersTotal").GetInt32());
        Assert.True(result.RootElement.GetProperty("guardrail").GetProperty("audienceSize").GetInt32() > 0);

        var labs = new LabService(Options.Create(new ExplorerOptions()), NullLogger<LabService>.Instance);
        var audience = await labs.AudienceAsync(sae, "test");
        var lab = await labs.SweepAsync(sae, audience, found.Item, new LatentEdit([found.Neuron], 0), levels);
        Assert.Equal(lab.Steps.Select(s => s.Reached), apiReach);

        var output = new StringWriter();
        int exit = await CliApp.RunAsync(["promote", api.SaeId, "--item", itemId.ToString(CultureInfo.InvariantCulture),
            "--neuron", found.Neuron.ToString(CultureInfo.InvariantCulture), "--audience", "test",
            "--levels", string.Join(",", levels.Select(l => l.ToString("R", CultureInfo.InvariantCulture))), "--store", api.StorePath, "--json"],
            output, new StringWriter());
        Assert.Equal(0, exit);
        using var cliReport = JsonDocument.Parse(output.ToString());
        Assert.Equal(apiReach, cliReport.RootElement.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("reached").GetInt32()));
        Assert.True(apiReach[^1] > apiReach[1], "the case reaches more users at the higher level");
    }

    [Fact]
    public async Task Suppression_through_the_api_matches_the_lab_and_the_cli()
    {
        using var catalog = EngineServices.Catalog(Path.GetDirectoryName(api.StorePath)!);
        using var concepts = new ConceptCatalog(catalog, NullLogger<ConceptCatalog>.Instance);
        var sae = await concepts.OpenAsync(api.SaeId);
        int neuron = Enumerable.Range(0, sae.Width).OrderByDescending(k => sae.Profiles[k].UserFrequency ?? 0).First();
        string facet = sae.Profiles[neuron].FacetMix.FirstOrDefault()?.Name ?? sae.Dataset.FacetNames[0];

        var response = await api.Client.PostAsJsonAsync($"/api/v1/runs/{api.SaeId}/simulations/shift",
            new { neuron, levels = new[] { -1.0, 0.0 }, level = 0.0, mode = "cap", audience = "test", concept = facet, usersLimit = 3 });
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var result = JsonDocument.Parse(body);
        var at = result.RootElement.GetProperty("atLevel");
        Assert.Equal(facet, result.RootElement.GetProperty("concept").GetString());
        Assert.Equal(2, result.RootElement.GetProperty("levels").GetArrayLength());
        Assert.Equal(3, result.RootElement.GetProperty("users").GetArrayLength());

        var labs = new LabService(Options.Create(new ExplorerOptions()), NullLogger<LabService>.Instance);
        var audience = await labs.AudienceAsync(sae, "test");
        int g = RecSaeExplorer.Engine.Interventions.Audience.FacetIndex(sae.Dataset, facet);
        var lab = await labs.ShiftAsync(sae, audience, LatentEdit.Suppress([neuron], 0), i => sae.Dataset.Items[i].Facets.Contains(g));
        Assert.Equal(lab.ShareBefore, at.GetProperty("shareBefore").GetDouble());
        Assert.Equal(lab.ShareAfter, at.GetProperty("shareAfter").GetDouble());

        var output = new StringWriter();
        int exit = await CliApp.RunAsync(["suppress", api.SaeId, "--neuron", neuron.ToString(CultureInfo.InvariantCulture), "--audience", "test",
            "--facet", facet, "--store", api.StorePath, "--json"], output, new StringWriter());
        Assert.Equal(0, exit);
        using var cliReport = JsonDocument.Parse(output.ToString());
        Assert.Equal(lab.ShareAfter, cliReport.RootElement.GetProperty("shareAfter").GetDouble(), 12);
        Assert.Equal(lab.ShareBefore, cliReport.RootElement.GetProperty("shareBefore").GetDouble(), 12);
    }

    [Theory]
    [InlineData("""{ "neuron": 0 }""", "level")]
    [InlineData("""{ "neuron": 0, "level": 0, "mode": "drop" }""", "mode")]
    [InlineData("""{ "neuron": 0, "level": 0, "concept": "Opera" }""", "concept")]
    [InlineData("""{ "neuron": -1, "level": 0 }""", "neuron")]
    public async Task Bad_shift_inputs_are_400_naming_the_field(string json, string field)
    {
        var response = await api.Client.PostAsync($"/api/v1/runs/{api.SaeId}/simulations/shift",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Theory]
    [InlineData("""{ "itemId": 1, "neuron": 0 }""", "level")]
    [InlineData("""{ "itemId": 1, "neuron": 999, "level": 1 }""", "neuron")]
    [InlineData("""{ "itemId": -5, "neuron": 0, "level": 1 }""", "itemId")]
    [InlineData("""{ "itemId": 1, "neuron": 0, "level": 1, "mode": "cap" }""", "mode")]
    [InlineData("""{ "itemId": 1, "neuron": 0, "level": 1e9 }""", "level")]
    [InlineData("""{ "itemId": 1, "neuron": 0, "level": 1, "targetShare": 2 }""", "targetShare")]
    [InlineData("""{ "itemId": 1, "neuron": 0, "level": 1, "usersLimit": -1 }""", "usersLimit")]
    public async Task Bad_simulation_inputs_are_400_naming_the_field(string json, string field)
    {
        var response = await api.Client.PostAsync($"/api/v1/runs/{api.SaeId}/simulations/promotion",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Fact]
    public async Task A_bad_audience_and_a_malformed_body_are_400()
    {
        var audience = await api.Client.PostAsJsonAsync($"/api/v1/runs/{api.SaeId}/simulations/promotion",
            new { itemId = 1, neuron = 0, level = 1.0, audience = "facet:Opera" });
        Assert.Equal(HttpStatusCode.BadRequest, audience.StatusCode);
        Assert.Contains("Opera", await audience.Content.ReadAsStringAsync());
        var malformed = await api.Client.PostAsync($"/api/v1/runs/{api.SaeId}/simulations/promotion",
            new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }
}
