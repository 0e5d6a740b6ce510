using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Tests.Support;
using TorchSharp;

namespace RecSaeExplorer.Engine.Tests.Sae;

/// <summary>
/// Serial: they read LibTorch's global generator or compare numbers across runs, which parallel tests
/// would disturb (they move the generator and the process-wide thread count).
/// </summary>
[Collection(SerialTorchCollection.Name)]
public class SaeDeterminismTests
{
    [Fact]
    public void Sae_training_neither_reseeds_nor_draws_from_the_global_generator()
    {
        // Other threads share LibTorch's global generator; a training that used it would shift their draws and theirs its own.
        using var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        torch.random.manual_seed(777);
        using (SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, SaeFixture.Quick().DeadLatents(d => d with { ResampleEvery = 5, ResampleBelow = 0.2 }))) { }
        using var afterTraining = torch.randn(4);
        torch.random.manual_seed(777);
        using var untouched = torch.randn(4);
        Assert.True(afterTraining.equal(untouched).all().item<bool>());
    }

    [Fact]
    public void Training_with_resampling_is_deterministic()
    {
        using var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        var config = SaeFixture.Quick().DeadLatents(d => d with { ResampleEvery = 5, ResampleBelow = 0.2 });
        using var first = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, config);
        using var second = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, config);
        using var without = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, config.DeadLatents(d => d with { ResampleEvery = 0 }));
        Assert.Equal(first.LossCurve, second.LossCurve);
        Assert.NotEqual(first.LossCurve, without.LossCurve);
    }
}
