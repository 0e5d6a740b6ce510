using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Jobs;

namespace RecSaeExplorer.Web.Tests.Jobs;

public sealed class DefaultRunStarterTests
{
    private static readonly ExplorerOptions Defaults = new();

    [Fact]
    public void A_fresh_store_gets_the_quick_pages_first_then_the_demo_then_the_default_sae()
    {
        var requests = DefaultRunStarter.Requests(Defaults).ToList();

        Assert.Equal(
        [
            ("rec", DatasetCatalog.DefaultName, "tuned"), ("sae", DatasetCatalog.DefaultName, "paper"),
            ("rec", "lastfm", "tuned"), ("sae", "lastfm", "compact"),
            ("sae", DatasetCatalog.DefaultName, "compact"),
        ], requests.Select(Describe));
        Assert.All(requests, r => Assert.True(r.IsDefaultRun));
        Assert.All(requests.OfType<SaeTrainingRequest>(), r => Assert.Null(r.RecommenderRunId)); // each follows the recommender queued before it
    }

    [Fact]
    public void Stored_runs_are_not_trained_again()
    {
        var requests = DefaultRunStarter.Requests(Defaults,
            hasRecommender: d => d == DatasetCatalog.DefaultName,
            hasSae: (d, p) => d == DatasetCatalog.DefaultName && p == "paper");

        Assert.Equal([("rec", "lastfm", "tuned"), ("sae", "lastfm", "compact"), ("sae", DatasetCatalog.DefaultName, "compact")],
            requests.Select(Describe));
        Assert.Empty(DefaultRunStarter.Requests(Defaults, _ => true, (_, _) => true));
    }

    [Fact]
    public void Blank_presets_and_a_demo_dataset_equal_to_the_default_are_skipped()
    {
        var settings = new ExplorerOptions { QuickSaePreset = "", DemoDataset = DatasetCatalog.DefaultName };
        Assert.Equal([("rec", DatasetCatalog.DefaultName, "tuned"), ("sae", DatasetCatalog.DefaultName, "compact")],
            DefaultRunStarter.Requests(settings).Select(Describe));

        // The same preset twice (quick = default) is trained once.
        settings = new ExplorerOptions { QuickSaePreset = "compact", DemoDataset = "" };
        Assert.Equal([("rec", DatasetCatalog.DefaultName, "tuned"), ("sae", DatasetCatalog.DefaultName, "compact")],
            DefaultRunStarter.Requests(settings).Select(Describe));
    }

    private static (string, string, string) Describe(TrainingRequest request) => request switch
    {
        RecommenderTrainingRequest r => ("rec", r.Dataset, r.Preset),
        SaeTrainingRequest s => ("sae", s.Dataset, s.Preset),
        _ => throw new InvalidOperationException(request.Title),
    };
}
