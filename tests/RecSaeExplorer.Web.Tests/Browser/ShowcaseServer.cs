using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>
/// The explorer over a store holding what the home page's stories need, trained small: the tiny ml-latest-small
/// runs and, on Last.FM, an MF (d = 16, a few epochs) with a short compact SAE. Training on start is off, as in every
/// browser test: the cards are live from the first visit.
/// </summary>
public sealed class ShowcaseServer : ExplorerServer
{
    public string LastFmSaeId { get; private set; } = "";

    protected override async Task PrepareAsync(string stateFolder)
    {
        using var catalog = EngineServices.Catalog(stateFolder);
        await TinyRunsFixture.TrainAsync(catalog);
        var runner = new EngineTrainingRunner(EngineServices.ShippedDatasets(), catalog);
        var progress = new Progress<JobProgress>();
        string recommender = await runner.RunAsync(
            new RecommenderTrainingRequest(LastFmLoader.DatasetName, RecommenderModel.Mf, "tuned") { EmbeddingDim = 16, Epochs = 4, BatchSize = 1 << 14 },
            progress, CancellationToken.None);
        LastFmSaeId = await runner.RunAsync(
            new SaeTrainingRequest(LastFmLoader.DatasetName, recommender, SaePresets.Compact, null) { Steps = 150 },
            progress, CancellationToken.None);
    }
}
