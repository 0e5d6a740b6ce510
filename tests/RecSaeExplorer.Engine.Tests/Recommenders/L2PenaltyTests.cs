using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Recommenders;

/// <summary>
/// The research code's SGD-MF applies θ ← θ − lr·(∂ℓ/∂θ + λθ) per example: the penalty's gradient is λθ
/// per occurrence of a row, not 2λθ. The paper preset must train with exactly that.
/// </summary>
public class L2PenaltyTests
{
    [Theory]
    [InlineData(L2Mode.SgdDecay, 1.0)]
    [InlineData(L2Mode.Penalty, 2.0)]
    public void Penalty_gradient_per_row_occurrence_is_the_mode_s_multiple_of_lambda_theta(L2Mode mode, double multiple)
    {
        var config = RecommenderPresets.Get(RecommenderPresets.Paper, RecommenderModel.Mf, "ml-1m") with { L2Mode = mode };
        torch.random.manual_seed(1);
        using var model = RecommenderFactory.Create(config, userCount: 5, itemCount: 7);
        using var scope = NewDisposeScope();
        // User 2 occurs twice in the batch: its rows collect the penalty's gradient twice.
        long[] users = [0, 2, 2, 4];
        long[] items = [1, 3, 5, 6];
        var (_, squaredNorm) = model.TrainingForward(tensor(users), tensor(items));
        var penalty = squaredNorm * L2Penalty.Coefficient(config, users.Length);
        penalty.backward();

        var userTable = model.named_parameters().First(p => p.name == "user_embedding.weight").parameter;
        var expected = userTable.detach() * (multiple * config.L2);
        Assert.True(allclose(userTable.grad![0], expected[0], rtol: 1e-5));
        Assert.True(allclose(userTable.grad![2], 2 * expected[2], rtol: 1e-5));
        Assert.Equal(0f, userTable.grad![1].abs().sum().item<float>());
    }

    [Fact]
    public void Paper_mf_uses_sgd_decay_and_a_mean_reduction_divides_by_the_batch()
    {
        var paper = RecommenderPresets.Get(RecommenderPresets.Paper, RecommenderModel.Mf, "ml-1m");
        Assert.Equal(L2Mode.SgdDecay, paper.L2Mode);
        Assert.Equal(0.005, L2Penalty.Coefficient(paper, 256), 12);
        Assert.Equal(0.01 / 256, L2Penalty.Coefficient(paper with { L2Mode = L2Mode.Penalty, Reduction = LossReduction.Mean }, 256), 12);
        Assert.Equal(0, L2Penalty.Coefficient(paper with { L2Mode = L2Mode.WeightDecay }, 256));
    }
}
