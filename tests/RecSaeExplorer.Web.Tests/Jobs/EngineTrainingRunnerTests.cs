using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Jobs;

[Collection(TinyRunsCollection.Name)]
public sealed class EngineTrainingRunnerTests(TinyRunsFixture runs) : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Runs_trained_through_the_runner_are_stored_with_metrics_curves_and_parent()
    {
        Assert.Equal(RunStore.RecommenderKind, runs.Recommender.Kind);
        Assert.Equal(TinyRunsFixture.Epochs, runs.Recommender.EpochLosses.Count);
        var metrics = RunStore.RecommenderMetricsOf(runs.Recommender)!;
        Assert.NotNull(metrics.SampledAt(10));
        Assert.NotNull(metrics.FullAt(10));
        Assert.Equal(RunStore.SaeKind, runs.Sae.Kind);
        Assert.Equal(runs.Recommender.Id, runs.Sae.ParentRunId);
        Assert.Equal(2, RunStore.SaeConfigOf(runs.Sae).Loss.Beta);
        Assert.NotEmpty(RunStore.SaeMetricsOf(runs.Sae)!.Honest.Rbo);

        // The runner handed its freshly trained model to the catalog: no reload.
        using var first = await runs.Catalog.LeaseRecommenderAsync(runs.Recommender.Id);
        using var second = await runs.Catalog.LeaseRecommenderAsync(runs.Recommender.Id[..^2]);
        Assert.Same(first.Value, second.Value);
    }

    [Fact]
    public async Task A_cancelled_training_stops_and_stores_nothing()
    {
        using var catalog = EngineServices.Catalog(_folder);
        var queue = EngineServices.Queue();
        using var stop = new CancellationTokenSource();
        var worker = queue.ProcessAsync(new EngineTrainingRunner(EngineServices.ShippedDatasets(), catalog), stop.Token);
        var job = queue.Enqueue(new RecommenderTrainingRequest(DatasetCatalog.DefaultName, RecommenderModel.Mf, "tuned")
        {
            EmbeddingDim = 4, Epochs = 500, BatchSize = 4096,
        });
        await EngineServices.Eventually(() => job.Progress is { Phase: "Training" }, "training started", 60);

        queue.Cancel(job.Id);

        await EngineServices.Eventually(() => job.IsFinished, "job stopped", 30);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.True(job.Progress!.Current < 500);
        Assert.Empty(catalog.List());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker);
    }

    [Fact]
    public async Task An_sae_without_a_recommender_fails_with_a_readable_error()
    {
        using var catalog = EngineServices.Catalog(_folder);
        var runner = new EngineTrainingRunner(EngineServices.ShippedDatasets(), catalog);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            runner.RunAsync(new SaeTrainingRequest(DatasetCatalog.DefaultName, null, "paper", null), new Progress<JobProgress>(), CancellationToken.None));

        Assert.Contains("no recommender run", error.Message);
    }

    [Fact]
    public async Task First_start_queues_only_what_the_store_lacks()
    {
        using var empty = EngineServices.Catalog(_folder);

        Assert.Equal(5, (await StartAsync(empty, new ExplorerOptions())).Count);
        Assert.Empty(await StartAsync(empty, new ExplorerOptions { TrainDefaultRunOnStart = false }));
        // The tiny runs are an ml-latest-small MF and a paper SAE: the compact SAE and the Last.FM runs are missing.
        Assert.Equal(
            ["MF (tuned) on lastfm, seed 42", "SAE (compact) on the newest lastfm recommender", $"SAE (compact) on the newest {DatasetCatalog.DefaultName} recommender"],
            (await StartAsync(runs.Catalog, new ExplorerOptions())).Select(j => j.Request.Title).Reverse()); // the queue lists newest first
        var onlyRecommender = await StartAsync(empty, new ExplorerOptions { DefaultSaePreset = "", QuickSaePreset = "", DemoDataset = "" });
        var request = Assert.IsType<RecommenderTrainingRequest>(Assert.Single(onlyRecommender).Request);
        Assert.Equal(new RecommenderTrainingRequest(DatasetCatalog.DefaultName, RecommenderModel.Mf, "tuned") { IsDefaultRun = true }, request);
    }

    private static async Task<IReadOnlyList<TrainingJob>> StartAsync(RunCatalog catalog, ExplorerOptions options)
    {
        var queue = EngineServices.Queue();
        using var starter = new DefaultRunStarter(Options.Create(options), catalog, queue, NullLogger<DefaultRunStarter>.Instance);
        await starter.StartAsync(CancellationToken.None);
        await (starter.ExecuteTask ?? Task.CompletedTask);
        return queue.Jobs;
    }
}
