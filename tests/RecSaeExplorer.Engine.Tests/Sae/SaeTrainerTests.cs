using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Sae;

public class SaeTrainerTests
{
    [Theory]
    [InlineData(RecommenderModel.Mf, PredictionPairs.Block)]
    [InlineData(RecommenderModel.Ncf, PredictionPairs.Sampled)]
    [InlineData(RecommenderModel.Ncf, PredictionPairs.TopCandidates)]
    public void Training_leaves_the_recommender_unchanged(RecommenderModel model, PredictionPairs pairs)
    {
        using var recommender = SaeFixture.Recommender(model);
        var before = Weights(recommender.Model);
        var config = SaeFixture.Quick().Prediction(p => p with
        {
            Pairs = pairs,
            Loss = pairs == PredictionPairs.Sampled ? PredictionLossKind.ProbabilityMse : PredictionLossKind.Listwise,
        });
        using var trained = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, config);
        Assert.Equal(before, Weights(recommender.Model));
        Assert.Equal(config.Schedule.Steps, trained.Steps);
        Assert.All(trained.LossCurve, v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [InlineData(RecommenderModel.Mf, PredictionLossKind.ProbabilityMse, PredictionPairs.Block)]
    [InlineData(RecommenderModel.Ncf, PredictionLossKind.SoftBce, PredictionPairs.Sampled)]
    [InlineData(RecommenderModel.Ncf, PredictionLossKind.TopWeighted, PredictionPairs.TopCandidates)]
    [InlineData(RecommenderModel.Mf, PredictionLossKind.LogitMse, PredictionPairs.TopCandidates)]
    public void Prediction_term_alone_sends_gradients_through_the_frozen_recommender(RecommenderModel model,
        PredictionLossKind kind, PredictionPairs pairs)
    {
        using var recommender = SaeFixture.Recommender(model);
        var config = SaeFixture.Quick(SaeActivation.Relu).Prediction(p => p with { Loss = kind, Pairs = pairs }).Loss(l => l with { Alpha = 0 });
        torch.random.manual_seed(4);
        using var sae = new SparseAutoencoder(recommender.Model.EmbeddingDim, config);
        using var data = SaeEmbeddings.Of(recommender.Model);
        using var scope = NewDisposeScope();
        int[] users = SaeFixture.Split.TrainUsers.Take(8).ToArray();
        int[] items = Enumerable.Range(0, 10).ToArray();
        var candidates = Enumerable.Range(0, recommender.Model.UserCount).Select(_ => items).ToArray();
        var term = new PredictionTerm(recommender.Model, sae, data, SaeFixture.Split.Train, config, candidates);
        var recommenderParameters = ((nn.Module)recommender.Model).parameters().ToArray();
        var gradsBefore = GradSums(recommenderParameters);
        var loss = term.Compute(Batch(sae, data, users, items), new Random(1));
        loss.backward();
        var encoderGrad = sae.named_parameters().First(p => p.name == "encoder").parameter.grad;
        Assert.NotNull(encoderGrad);
        Assert.True(encoderGrad.abs().sum().item<float>() > 0);
        // Frozen: no parameter asks for gradients, and leftover training gradients are untouched.
        Assert.All(recommenderParameters, p => Assert.False(p.requires_grad));
        Assert.Equal(gradsBefore, GradSums(recommenderParameters));
    }

    [Fact]
    public void Same_seed_gives_identical_numbers()
    {
        using var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        var config = SaeFixture.Quick();
        using var first = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, config);
        using var second = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, config);
        using var other = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, config with { Seed = 10 });
        Assert.Equal(first.LossCurve, second.LossCurve);
        Assert.Equal(Weights(first.Sae), Weights(second.Sae));
        Assert.NotEqual(Weights(first.Sae), Weights(other.Sae));
    }

    [Fact]
    public void Cancellation_stops_training()
    {
        using var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, SaeFixture.Quick(), cancellationToken: cts.Token));
    }

    [Fact]
    public void Progress_reports_the_last_step()
    {
        using var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        var reports = new List<SaeTrainingProgress>();
        var progress = new SyncReporter<SaeTrainingProgress>(reports.Add);
        using var trained = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, SaeFixture.Quick(), progress);
        Assert.True(reports[^1].Done);
        Assert.Equal(trained.Steps, reports[^1].Step);
    }

    private static StepBatch Batch(SparseAutoencoder sae, SaeEmbeddings data, int[] users, int[] items)
    {
        var userIndex = TorchRuntime.Indices(users, CPU);
        var itemIndex = TorchRuntime.Indices(items, CPU);
        var u = data.Users.index_select(0, userIndex);
        var i = data.Items.index_select(0, itemIndex);
        var uc = sae.Encode(u);
        var ic = sae.Encode(i);
        return new StepBatch(users, userIndex, u, uc, sae.Reconstruct(uc), itemIndex, i, ic, sae.Reconstruct(ic));
    }

    private static double[] GradSums(IEnumerable<Tensor> parameters) =>
        parameters.Select(p => p.grad is null ? 0 : p.grad.abs().sum().item<float>()).Select(v => (double)v).ToArray();

    internal static float[] Weights(object module)
    {
        using var scope = NewDisposeScope();
        return ((nn.Module)module).parameters().SelectMany(p => p.detach().cpu().flatten().data<float>().ToArray()).ToArray();
    }
}
