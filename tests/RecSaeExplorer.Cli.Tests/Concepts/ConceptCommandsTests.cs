using System.Text.Json;
using RecSaeExplorer.Cli.Common;

namespace RecSaeExplorer.Cli.Tests.Concepts;

/// <summary><c>recsae neurons|neuron|promote|suppress|nudge</c> on ml-latest-small with a tiny stored SAE.</summary>
public sealed class ConceptCommandsTests(ConceptStoreFixture fixture) : IClassFixture<ConceptStoreFixture>
{
    [Fact]
    public async Task Neurons_lists_every_neuron_as_json_and_csv()
    {
        string csv = Path.Combine(fixture.Folder, "neurons.csv");
        var result = await Run("neurons", fixture.SaeId, "--json", "--csv", csv);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(12, json.RootElement.GetArrayLength());
        foreach (var neuron in json.RootElement.EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(neuron.GetProperty("label").GetString()));
            Assert.InRange(neuron.GetProperty("confidence").GetDouble(), 0, 1);
        }
        var lines = File.ReadAllLines(csv);
        Assert.Equal(13, lines.Length);
        Assert.StartsWith("Index,Label,Kind,Confidence", lines[0]);
    }

    [Fact]
    public async Task Neurons_prints_a_table()
    {
        var result = await Run("neurons", fixture.SaeId);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("purity@20", result.Output);
        Assert.Contains("12 neurons", result.Output);
    }

    [Fact]
    public async Task Neuron_shows_top_items_and_the_decoder_probe()
    {
        var result = await Run("neuron", fixture.SaeId, "3", "--top", "5", "--json");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(3, json.RootElement.GetProperty("neuron").GetProperty("index").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("probe").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("topItems").GetArrayLength() <= 5);
    }

    [Fact]
    public async Task Promote_reports_a_dose_response_and_writes_csv()
    {
        string csv = Path.Combine(fixture.Folder, "promote.csv");
        var result = await Run("promote", fixture.SaeId, "--item", "1", "--neuron", "0", "--levels", "0,2,500", "--mode", "add",
            "--audience", "test", "--json", "--csv", csv, "--bench", "20");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.StartsWith("Toy Story", root.GetProperty("item").GetProperty("title").GetString());
        var levels = root.GetProperty("levels");
        Assert.Equal(3, levels.GetArrayLength());
        Assert.Equal(0, levels[0].GetProperty("reached").GetInt32()); // add 0 changes nothing
        int users = root.GetProperty("audienceSize").GetInt32();
        Assert.Equal(3 * users + 1, File.ReadAllLines(csv).Length);
        var bench = root.GetProperty("benchmark");
        Assert.Equal(20, bench.GetProperty("steps").GetInt32());
        Assert.True(bench.GetProperty("p95Ms").GetDouble() >= bench.GetProperty("medianMs").GetDouble());
    }

    [Fact]
    public async Task Promote_prints_a_table()
    {
        var result = await Run("promote", fixture.SaeId, "--item", "Toy Story", "--neuron", "1", "--levels", "0:1:0.5", "--audience", "facet:Comedy:20");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("reached", result.Output);
        Assert.Contains("20 Comedy fans", result.Output);
    }

    [Fact]
    public async Task Suppress_reports_the_facet_share_before_and_after()
    {
        string csv = Path.Combine(fixture.Folder, "suppress.csv");
        var result = await Run("suppress", fixture.SaeId, "--neuron", "2", "--audience", "facet:Comedy:20", "--json", "--csv", csv);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("Comedy", json.RootElement.GetProperty("facet").GetString());
        Assert.InRange(json.RootElement.GetProperty("shareBefore").GetDouble(), 0, 1);
        Assert.InRange(json.RootElement.GetProperty("shareAfter").GetDouble(), 0, 1);
        Assert.Equal(21, File.ReadAllLines(csv).Length);
    }

    [Fact]
    public async Task Suppress_on_items_sweeps_levels_and_names_the_shallowest_cap()
    {
        var result = await Run("suppress", fixture.SaeId, "--neuron", "2", "--audience", "facet:Comedy:20", "--on", "items",
            "--levels=-2,-0.5,0", "--target-cut", "0.01", "--json");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("items", root.GetProperty("on").GetString());
        var points = root.GetProperty("curve").GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([-2.0, -0.5, 0], points.Select(p => p.GetProperty("level").GetDouble()));
        // The headline edit is --level (default 0): the same numbers as the curve's point at 0.
        Assert.Equal(root.GetProperty("shareAfter").GetDouble(), points[^1].GetProperty("shareAfter").GetDouble(), 12);
        var reaching = points.Where(p => p.GetProperty("relativeChange").GetDouble() <= -0.01).Select(p => p.GetProperty("level").GetDouble()).ToList();
        var shallowest = root.GetProperty("curve").GetProperty("shallowestLevel");
        if (reaching.Count == 0) Assert.Equal(JsonValueKind.Null, shallowest.ValueKind);
        else Assert.Equal(reaching.MinBy(Math.Abs), shallowest.GetDouble());
    }

    [Fact]
    public async Task Nudge_one_user()
    {
        var result = await Run("nudge", fixture.SaeId, "--neuron", "0", "--audience", "user:1", "--level", "3", "--facet", "Drama");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Drama share", result.Output);
    }

    [Theory]
    [InlineData("promote", "--item", "1", "--neuron", "0", "--audience", "planet:mars")]
    [InlineData("promote", "--item", "1", "--neuron", "0", "--levels", "5:0:1")]
    [InlineData("promote", "--item", "no such film at all", "--neuron", "0")]
    [InlineData("suppress", "--neuron", "99")]
    public async Task Bad_values_are_usage_errors(params string[] args)
    {
        var result = await Run([args[0], fixture.SaeId, .. args[1..]]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Fact]
    public async Task A_recommender_run_is_not_an_sae_run()
    {
        var result = await Run("neurons", fixture.RecommenderId);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Fact]
    public async Task Neurons_by_block_summarize_each_group_of_latents()
    {
        var result = await Run("neurons", fixture.SaeId, "--groups", "4,8,12", "--json");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var groups = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([(0, 4), (4, 8), (8, 12)], groups.Select(g => (g.GetProperty("from").GetInt32(), g.GetProperty("to").GetInt32())));
        Assert.All(groups, g => Assert.InRange(g.GetProperty("alive").GetInt32(), 0, 4));

        Assert.Equal(ExitCodes.Usage, (await Run("neurons", fixture.SaeId, "--by-prefix")).ExitCode); // not a Matryoshka run
        Assert.Equal(ExitCodes.Usage, (await Run("neurons", fixture.SaeId, "--groups", "8,4")).ExitCode);
        Assert.Contains("concept breadth", (await Run("neurons", fixture.SaeId, "--groups", "6,12")).Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_name_given_in_the_explorer_is_listed_and_selects_its_neuron()
    {
        using (var store = new RecSaeExplorer.Engine.Runs.RunStore(fixture.Store)) store.SetNeuronName(fixture.SaeId, 5, "Quiet dramas");
        try
        {
            var listed = await Run("neurons", fixture.SaeId, "--json");
            using var json = JsonDocument.Parse(listed.Output);
            var names = json.RootElement.EnumerateArray().Where(n => n.GetProperty("name").ValueKind == JsonValueKind.String).ToList();
            Assert.Equal(5, Assert.Single(names).GetProperty("index").GetInt32());
            Assert.Equal("Quiet dramas", names[0].GetProperty("name").GetString());

            var promoted = await Run("promote", fixture.SaeId, "--item", "1", "--neuron", "quiet dramas", "--levels", "1", "--json");
            Assert.Equal(ExitCodes.Ok, promoted.ExitCode);
            using var promotion = JsonDocument.Parse(promoted.Output);
            Assert.Equal([5], promotion.RootElement.GetProperty("neurons").EnumerateArray().Select(n => n.GetInt32()));
            Assert.Equal("Quiet dramas", promotion.RootElement.GetProperty("neuronLabel").GetString());
        }
        finally
        {
            using var store = new RecSaeExplorer.Engine.Runs.RunStore(fixture.Store);
            store.SetNeuronName(fixture.SaeId, 5, null);
        }
    }

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync([.. args, "--store", fixture.Store]);
}
