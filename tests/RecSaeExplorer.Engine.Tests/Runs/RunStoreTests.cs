using System.Text.Json.Nodes;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Tests.Recommenders;
using RecSaeExplorer.Engine.Tests.Support;

namespace RecSaeExplorer.Engine.Tests.Runs;

public sealed class RunStoreTests : IDisposable
{
    private static readonly Dataset Data = SyntheticData.Communities();
    private static readonly DatasetSplit Split = DatasetSplit.Create(Data, seed: 4);
    private readonly string _folder = TestPaths.NewTempFolder();

    private string StorePath => Path.Combine(_folder, "store.db");

    private static TrainedRecommender Train(RecommenderModel model) => RecommenderTrainer.Train(Data, Split, new RecommenderConfig
    {
        Model = model, Preset = "test", EmbeddingDim = 6, Optimizer = OptimizerKind.Adam, LearningRate = 0.01,
        BatchSize = 128, Epochs = 2, Seed = 5,
    });

    [Theory]
    [InlineData(RecommenderModel.Mf)]
    [InlineData(RecommenderModel.Ncf)]
    public void Save_then_load_gives_identical_scores(RecommenderModel model)
    {
        using var trained = Train(model);
        var metrics = RecommenderEvaluator.Evaluate(trained.Model, Data, Split, new EvaluationOptions { SampledNegatives = 10 });
        RunInfo saved;
        using (var store = new RunStore(StorePath)) saved = store.SaveRecommender(trained, metrics);

        using var reopened = new RunStore(StorePath);
        using var loaded = reopened.LoadRecommender(saved.Id, Data);
        Assert.Equal(RecommenderTrainerTests.AllLogits(trained.Model), RecommenderTrainerTests.AllLogits(loaded.Model));
        Assert.Equal(trained.Config, loaded.Config with { Hidden = trained.Config.Hidden });
        Assert.Equal(trained.Config.Hidden, loaded.Config.Hidden);
        Assert.Equal(trained.EpochSeconds, loaded.EpochSeconds);
        Assert.Equal(Split.Seed, loaded.SplitSeed);

        var run = reopened.Get(saved.Id);
        Assert.Equal(RunStore.RecommenderKind, run.Kind);
        Assert.Equal(model.Name(), run.Model);
        Assert.Equal("test", run.Preset);
        Assert.Equal(Data.Fingerprint, run.DatasetFingerprint);
        Assert.True(run.WeightsBytes > 0);
        Assert.Equal(metrics.FullAt(10), RunStore.RecommenderMetricsOf(run)!.FullAt(10));
        Assert.Equal(metrics.SampledAt(10), RunStore.RecommenderMetricsOf(run)!.SampledAt(10));
    }

    [Fact]
    public void Loading_against_other_data_fails_clearly()
    {
        using var trained = Train(RecommenderModel.Mf);
        using var store = new RunStore(StorePath);
        var run = store.SaveRecommender(trained);
        var other = SyntheticData.Communities(seed: 99);
        var error = Assert.Throws<DatasetMismatchException>(() => store.LoadRecommender(run.Id, other));
        Assert.Contains(run.Id, error.Message);
        Assert.Contains(Data.Fingerprint, error.Message);
        Assert.Contains(other.Fingerprint, error.Message);
    }

    [Fact]
    public void A_failure_while_saving_leaves_no_run()
    {
        using var trained = Train(RecommenderModel.Mf);
        using (var store = new RunStore(StorePath))
        {
            store.BetweenWrites = _ => throw new IOException("disk full (injected)");
            Assert.Throws<IOException>(() => store.SaveRecommender(trained, id: "mf-doomed"));
            Assert.Empty(store.List());
            Assert.False(store.HasWeights("mf-doomed"));
            store.BetweenWrites = null;
            store.SaveRecommender(trained, id: "mf-fine");
        }
        using var reopened = new RunStore(StorePath);
        Assert.Equal(["mf-fine"], reopened.List().Select(r => r.Id));
        Assert.False(reopened.HasWeights("mf-doomed"));
    }

    [Fact]
    public void Weights_without_a_run_are_collected_on_open()
    {
        using (var store = new RunStore(StorePath)) store.WriteOrphanWeights("mf-crashed", [1, 2, 3]);
        using var reopened = new RunStore(StorePath);
        Assert.False(reopened.HasWeights("mf-crashed"));
        Assert.Empty(reopened.List());
    }

    [Fact]
    public void Delete_removes_document_and_weights()
    {
        using var trained = Train(RecommenderModel.Mf);
        using var store = new RunStore(StorePath);
        var run = store.SaveRecommender(trained);
        Assert.True(store.HasWeights(run.Id));
        Assert.True(store.Delete(run.Id));
        Assert.Null(store.Find(run.Id));
        Assert.False(store.HasWeights(run.Id));
        Assert.False(store.Delete(run.Id));
        Assert.Throws<RunNotFoundException>(() => store.LoadRecommender(run.Id, Data));
    }

    [Fact]
    public void Runs_are_found_by_unique_prefix_and_listed_newest_first()
    {
        using var store = new RunStore(StorePath);
        store.Save(Run("mf-a1", DateTime.UtcNow.AddMinutes(-2)), new byte[] { 1 });
        store.Save(Run("mf-a2", DateTime.UtcNow.AddMinutes(-1)), new byte[] { 2 });
        store.Save(Run("ncf-b", DateTime.UtcNow) with { Kind = "sae" }, new byte[] { 3 });
        Assert.Equal("ncf-b", store.Get("ncf").Id);
        Assert.Throws<RunNotFoundException>(() => store.Get("mf-a"));
        Assert.Throws<RunNotFoundException>(() => store.Get("zzz"));
        Assert.Equal(["ncf-b", "mf-a2", "mf-a1"], store.List().Select(r => r.Id));
        Assert.Equal(["mf-a2", "mf-a1"], store.List(RunStore.RecommenderKind).Select(r => r.Id));
        Assert.Equal([2], store.ReadWeights("mf-a2"));
        Assert.Throws<InvalidOperationException>(() => store.Save(Run("mf-a1", DateTime.UtcNow), new byte[] { 9 }));
    }

    [Fact]
    public void Two_open_stores_share_one_file()
    {
        using var first = new RunStore(StorePath);
        using var second = new RunStore(StorePath);
        first.Save(Run("mf-x", DateTime.UtcNow), new byte[] { 7 });
        Assert.Equal("mf-x", second.Get("mf-x").Id);
        second.UpdateMetrics("mf-x", new JsonObject { ["hr"] = 0.5 });
        Assert.Equal(0.5, first.Get("mf-x").Metrics["hr"]!.GetValue<double>());
    }

    private static RunInfo Run(string id, DateTime created) => new()
    {
        Id = id, Kind = RunStore.RecommenderKind, Model = "mf", DatasetName = "d", DatasetFingerprint = "f", CreatedUtc = created,
    };

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
