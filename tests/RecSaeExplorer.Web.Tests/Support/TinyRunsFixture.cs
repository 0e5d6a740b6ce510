using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>
/// A temp store holding real, tiny runs trained by the engine through the explorer's runner: an MF on
/// ml-latest-small (dim 4, 3 epochs, huge batches) and a paper-preset SAE on it (a few steps). Trained
/// once for every test class in the collection; a few seconds.
/// </summary>
public sealed class TinyRunsFixture : IAsyncLifetime
{
    public const int Epochs = 3;
    private readonly string _folder = TestPaths.NewTempFolder();

    public RunCatalog Catalog { get; private set; } = null!;
    public RunInfo Recommender { get; private set; } = null!;
    public RunInfo Sae { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Catalog = EngineServices.Catalog(_folder);
        (Recommender, Sae) = await TrainAsync(Catalog);
    }

    /// <summary>Trains the tiny MF and its SAE into <paramref name="catalog"/>'s store.</summary>
    public static async Task<(RunInfo Recommender, RunInfo Sae)> TrainAsync(RunCatalog catalog)
    {
        var runner = new EngineTrainingRunner(EngineServices.ShippedDatasets(), catalog);
        var progress = new Progress<JobProgress>();
        string recommenderId = await runner.RunAsync(
            new RecommenderTrainingRequest(DatasetCatalog.DefaultName, RecommenderModel.Mf, "tuned") { EmbeddingDim = 4, Epochs = Epochs, BatchSize = 1 << 16 },
            progress, CancellationToken.None);
        string saeId = await runner.RunAsync(
            new SaeTrainingRequest(DatasetCatalog.DefaultName, recommenderId, SaePresets.Paper, 2) { Steps = 20 },
            progress, CancellationToken.None);
        return (catalog.Find(recommenderId)!, catalog.Find(saeId)!);
    }

    public Task DisposeAsync()
    {
        Catalog.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class TinyRunsCollection : ICollectionFixture<TinyRunsFixture>
{
    public const string Name = "tiny runs";
}
