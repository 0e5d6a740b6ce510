using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Sae.Training;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Sae;

public class SaeEvaluationAndStoreTests
{
    [Fact]
    public void Evaluation_keeps_per_user_scores_and_sane_health_numbers()
    {
        using var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        using var trained = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, SaeFixture.Quick().WithSteps(150));
        var m = SaeEvaluator.Evaluate(SaeFixture.Data, SaeFixture.Split, recommender.Model, trained.Sae, new SaeEvaluationOptions { Depth = 10 });
        int users = SaeFixture.Split.TestUsers.Count;
        Assert.Equal(users, m.Users.Length);
        Assert.Equal(users, m.Honest.Rbo.Length);
        Assert.Equal(users, m.SeenIncluded.Kendall.Length);
        Assert.All(m.Honest.Rbo, v => Assert.InRange(v, 0, 1));
        Assert.All(m.Honest.RboExt, v => Assert.InRange(v, 0, 1 + 1e-9));
        Assert.All(m.Honest.Kendall, v => Assert.InRange(v, -1, 1));
        Assert.InRange(m.MeanL0, 0, 4);
        Assert.InRange(m.DeadShare, 0, 1);
        Assert.Equal(m.RareLatents / 16.0, m.RareShare, 12);
        Assert.InRange(m.RareLatents + m.DeadLatents, 0, 16);
        Assert.True(m.ExplainedVariance > 0, $"EV = {m.ExplainedVariance}");
        Assert.Equal(16, m.MonosemanticityPerNeuron.Length);
        Assert.NotNull(m.ReconstructedAccuracy);
    }

    [Theory]
    [InlineData(SaeActivation.BatchTopK)]
    [InlineData(SaeActivation.ExpertChoice)]
    public void Sae_run_round_trips_through_the_store_linked_to_its_recommender(SaeActivation activation)
    {
        string folder = TestPaths.NewTempFolder();
        try
        {
            using var store = new RunStore(Path.Combine(folder, "store.db"));
            using var recommender = SaeFixture.Recommender(RecommenderModel.Ncf);
            var recRun = store.SaveRecommender(recommender);
            using var trained = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model,
                SaeFixture.Quick(activation).Architecture(a => a with { MatryoshkaPrefixes = [4, 8, 16] }));
            var metrics = SaeEvaluator.Evaluate(SaeFixture.Data, SaeFixture.Split, recommender.Model, trained.Sae);
            var run = store.SaveSae(trained, recRun.Id, metrics);

            var stored = store.Get(run.Id);
            Assert.Equal(RunStore.SaeKind, stored.Kind);
            Assert.Equal(recRun.Id, stored.ParentRunId);
            var read = RunStore.SaeConfigOf(stored);
            Assert.Equal(trained.Config, read with { Architecture = read.Architecture with { MatryoshkaPrefixes = trained.Config.Architecture.MatryoshkaPrefixes } });
            Assert.Equal(trained.Config.Architecture.MatryoshkaPrefixes, read.Architecture.MatryoshkaPrefixes);
            Assert.Equal(metrics.Honest.Rbo, RunStore.SaeMetricsOf(stored)!.Honest.Rbo);

            using var loaded = store.LoadSae(run.Id, SaeFixture.Data, recommender.Model);
            using var scope = NewDisposeScope();
            var items = recommender.Model.ItemEmbeddings();
            Assert.Equal(trained.Sae.Threshold, loaded.Sae.Threshold);
            if (activation == SaeActivation.ExpertChoice) Assert.True(trained.Sae.LatentThresholds!.allclose(loaded.Sae.LatentThresholds!, 0, 0));
            Assert.True(trained.Sae.forward(items).allclose(loaded.Sae.forward(items)));
            Assert.Equal(trained.LossCurve, loaded.LossCurve);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
