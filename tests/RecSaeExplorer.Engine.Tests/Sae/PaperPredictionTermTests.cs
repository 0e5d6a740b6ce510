using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Sae;

/// <summary>
/// METHOD.md §3: the paper's MF L_pred is the MSE of the score (logit) matrices, where the biases cancel.
/// A probability-space term would be scaled by the squared sigmoid slope and fail both checks.
/// </summary>
public class PaperPredictionTermTests
{
    [Fact]
    public void Paper_mf_term_is_the_logit_mse_of_the_score_block_and_its_gradient()
    {
        using var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        var config = SaePresets.Get(SaePresets.Paper, RecommenderModel.Mf, recommender.Model.EmbeddingDim);
        torch.random.manual_seed(2);
        using var sae = new SparseAutoencoder(recommender.Model.EmbeddingDim, config);
        using var data = SaeEmbeddings.Of(recommender.Model);
        using var scope = NewDisposeScope();
        int[] users = SaeFixture.Split.TrainUsers.Take(6).ToArray();
        int[] items = Enumerable.Range(0, 9).ToArray();
        var userIndex = TorchRuntime.Indices(users, CPU);
        var itemIndex = TorchRuntime.Indices(items, CPU);
        var u = data.Users.index_select(0, userIndex);
        var i = data.Items.index_select(0, itemIndex);
        // Reconstructions as leaves, so the gradient of the term with respect to them can be read.
        var uHat = (u + 0.3 * randn_like(u)).detach().requires_grad_();
        var iHat = (i + 0.3 * randn_like(i)).detach().requires_grad_();
        var batch = new StepBatch(users, userIndex, u, sae.Encode(u), uHat, itemIndex, i, sae.Encode(i), iHat);
        var term = new PredictionTerm(recommender.Model, sae, data, SaeFixture.Split.Train, config, null);

        var loss = term.Compute(batch, new Random(1));
        loss.backward();

        // By hand: biases cancel, so the block difference is ũ·ĩᵀ − u·iᵀ; the MSE averages over the n pairs.
        var diff = (uHat.detach().matmul(iHat.detach().t()) - u.matmul(i.t())).to_type(ScalarType.Float64);
        double n = users.Length * items.Length;
        Assert.Equal(diff.square().mean().item<double>(), loss.item<float>(), 5);
        var expectedUserGrad = (2 / n) * diff.matmul(iHat.detach().to_type(ScalarType.Float64));
        Assert.True(torch.allclose(uHat.grad!.to_type(ScalarType.Float64), expectedUserGrad, rtol: 1e-4, atol: 1e-6),
            "∂L_pred/∂ũ must be 2/n · (Δ scores) · reconstructed items, the logit MSE's gradient");
    }

    [Fact]
    public void Paper_ncf_term_compares_sigmoid_outputs_on_sampled_pairs()
    {
        var ncf = SaePresets.Get(SaePresets.Paper, RecommenderModel.Ncf, 20);
        Assert.Equal((PredictionLossKind.ProbabilityMse, PredictionPairs.Sampled), (ncf.Prediction.Loss, ncf.Prediction.Pairs));
    }
}
