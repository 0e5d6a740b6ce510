extern alias cli;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Tests.Support;
using CliApp = cli::RecSaeExplorer.Cli.CliApp;

namespace RecSaeExplorer.Web.Tests.Jobs;

/// <summary>
/// Both front ends run the engine's workflows: the same request through the CLI and through the
/// explorer's training queue stores the same weights, the same metrics and the same recipe label.
/// </summary>
public sealed class CliAndExplorerRunsTests : IDisposable
{
    private readonly string _cliFolder = TestPaths.NewTempFolder();
    private readonly string _webFolder = TestPaths.NewTempFolder();

    public void Dispose()
    {
        Directory.Delete(_cliFolder, recursive: true);
        Directory.Delete(_webFolder, recursive: true);
    }

    [Fact]
    public async Task The_cli_and_the_explorer_store_identical_runs_for_the_same_request()
    {
        string cliStore = Path.Combine(_cliFolder, "store.db");
        using var recReport = await Cli("rec", "train", "--model", "mf", "--preset", "tuned", "--dim", "4", "--epochs", "2",
            "--batch-size", "65536", "--seed", "7", "--store", cliStore, "--json");
        string cliRecId = recReport.RootElement.GetProperty("runId").GetString()!;
        using var saeReport = await Cli("sae", "train", "--recommender", cliRecId, "--preset", SaePresets.Paper, "--beta", "2",
            "--steps", "20", "--seed", "3", "--store", cliStore, "--json");
        string cliSaeId = saeReport.RootElement.GetProperty("runId").GetString()!;

        using var catalog = EngineServices.Catalog(_webFolder);
        var runner = new EngineTrainingRunner(EngineServices.ShippedDatasets(), catalog);
        var progress = new Progress<JobProgress>();
        string webRecId = await runner.RunAsync(new RecommenderTrainingRequest(DatasetCatalog.DefaultName, RecommenderModel.Mf, "tuned", 7)
        {
            EmbeddingDim = 4, Epochs = 2, BatchSize = 65536,
        }, progress, CancellationToken.None);
        string webSaeId = await runner.RunAsync(new SaeTrainingRequest(DatasetCatalog.DefaultName, webRecId, SaePresets.Paper, 2, 3) { Steps = 20 },
            progress, CancellationToken.None);

        using var cliRuns = new RunStore(cliStore);
        foreach (var (cliId, webId) in new[] { (cliRecId, webRecId), (cliSaeId, webSaeId) })
        {
            var fromCli = cliRuns.Get(cliId);
            var fromWeb = catalog.Use(s => s.Get(webId));
            Assert.Equal(fromCli.WeightsSha256, fromWeb.WeightsSha256);
            Assert.Equal(fromCli.Preset, fromWeb.Preset);
            Assert.Equal(fromCli.Seed, fromWeb.Seed);
            Assert.Equal(fromCli.Config.ToJsonString(), fromWeb.Config.ToJsonString());
            Assert.Equal(WithoutTimings(fromCli.Metrics), WithoutTimings(fromWeb.Metrics));
            Assert.NotEmpty(fromCli.Metrics);
        }
        Assert.Equal("tuned-d4+custom", cliRuns.Get(cliRecId).Preset);
    }

    /// <summary>The metrics as JSON text without wall-clock fields (they are the only thing allowed to differ).</summary>
    private static string WithoutTimings(JsonObject metrics)
    {
        var copy = metrics.DeepClone();
        Strip(copy);
        return copy.ToJsonString();

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                foreach (string key in obj.Select(p => p.Key).Where(k => k.EndsWith("Seconds", StringComparison.OrdinalIgnoreCase)).ToList()) obj.Remove(key);
                foreach (var (_, child) in obj) Strip(child);
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array) Strip(child);
            }
        }
    }

    private static async Task<JsonDocument> Cli(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int exit = await CliApp.RunAsync(args, output, error);
        Assert.True(exit == 0, $"recsae {string.Join(' ', args)} exited {exit}: {error}");
        return JsonDocument.Parse(output.ToString());
    }
}
