using System.Text.Json;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Cli.Tests.Sae;

/// <summary><c>recsae sae export|import</c> on ml-latest-small: the round trip through the command line and its refusals.</summary>
public sealed class SaeExchangeCommandsTests(SaeStoreFixture fixture) : IClassFixture<SaeStoreFixture>
{
    [Fact]
    public async Task Export_then_import_stores_a_run_with_the_same_fidelity()
    {
        var train = await Run("sae", "train", "--preset", "topk", "--steps", "10", "--recommender", fixture.RecommenderId, "--json");
        Assert.Equal(ExitCodes.Ok, train.ExitCode);
        using var trained = JsonDocument.Parse(train.Output);
        string saeId = trained.RootElement.GetProperty("runId").GetString()!;

        string folder = Path.Combine(fixture.Folder, "sae-export");
        var export = await Run("sae", "export", saeId, "--out", folder, "--json");
        Assert.Equal(ExitCodes.Ok, export.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "sae.safetensors")));
        Assert.True(File.Exists(Path.Combine(folder, "ids.json")));

        var import = await Run("sae", "import", folder, "--recommender", fixture.RecommenderId, "--json");
        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        using var imported = JsonDocument.Parse(import.Output);
        Assert.NotEqual(saeId, imported.RootElement.GetProperty("runId").GetString());
        Assert.True(imported.RootElement.GetProperty("sameRecommenderWeights").GetBoolean());
        Assert.Equal(trained.RootElement.GetProperty("rbo").GetDouble(), imported.RootElement.GetProperty("rbo").GetDouble());
        Assert.Equal(trained.RootElement.GetProperty("kendall").GetDouble(), imported.RootElement.GetProperty("kendall").GetDouble());
        Assert.Equal(trained.RootElement.GetProperty("ms").GetDouble(), imported.RootElement.GetProperty("ms").GetDouble());
    }

    [Fact]
    public async Task Import_onto_another_input_dimension_fails_with_a_clear_message()
    {
        var train = await Run("sae", "train", "--preset", "topk", "--steps", "3", "--recommender", fixture.RecommenderId, "--json");
        using var trained = JsonDocument.Parse(train.Output);
        string folder = Path.Combine(fixture.Folder, "sae-export-dim");
        Assert.Equal(ExitCodes.Ok, (await Run("sae", "export", trained.RootElement.GetProperty("runId").GetString()!, "--out", folder)).ExitCode);

        string narrowId;
        using (var store = new RunStore(fixture.Store))
        {
            var dataset = new DatasetCatalog(Core.Hosting.ProductPaths.Discover()).Load("ml-latest-small", TestPaths.MovieLensSmall);
            using var narrow = RecommenderTrainer.Train(dataset, DatasetSplit.Create(dataset, 42),
                new RecommenderConfig { EmbeddingDim = 4, Epochs = 1, BatchSize = 4096, Seed = 3 });
            narrowId = store.SaveRecommender(narrow).Id;
        }
        var import = await Run("sae", "import", folder, "--recommender", narrowId);
        Assert.Equal(ExitCodes.Failure, import.ExitCode);
        Assert.Contains("8-dimensional inputs", import.Error);
        Assert.Contains("4-dimensional embeddings", import.Error);
    }

    [Fact]
    public async Task Import_of_a_folder_without_cfg_fails()
    {
        string empty = Path.Combine(fixture.Folder, "empty");
        Directory.CreateDirectory(empty);
        var import = await Run("sae", "import", empty, "--recommender", fixture.RecommenderId);
        Assert.Equal(ExitCodes.Failure, import.ExitCode);
        Assert.Contains("cfg.json", import.Error);
    }

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync([.. args, "--store", fixture.Store]);
}
