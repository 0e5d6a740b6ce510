using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Training;

/// <summary>The L_pred variants: how original and reconstructed logits of the same pairs are compared.</summary>
internal static class ScoreComparison
{
    /// <summary>
    /// <paramref name="original"/> (constant) and <paramref name="reconstructed"/> logits of the same pairs;
    /// for the listwise kinds both are [users, items] and each row is one user's list.
    /// </summary>
    public static Tensor Loss(PredictionLossKind kind, Tensor original, Tensor reconstructed, double temperature) => kind switch
    {
        PredictionLossKind.ProbabilityMse => nn.functional.mse_loss(reconstructed.sigmoid(), original.sigmoid()),
        PredictionLossKind.LogitMse => nn.functional.mse_loss(reconstructed, original),
        PredictionLossKind.SoftBce => nn.functional.binary_cross_entropy_with_logits(reconstructed, original.sigmoid()),
        PredictionLossKind.Listwise => Listwise(original, reconstructed, temperature),
        PredictionLossKind.TopWeighted => TopWeighted(original, reconstructed, temperature),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>T² · KL(p_orig ‖ p_recon) per row, averaged over rows (T² keeps gradients comparable across T).</summary>
    private static Tensor Listwise(Tensor original, Tensor reconstructed, double t)
    {
        var target = (original / t).log_softmax(1);
        var input = (reconstructed / t).log_softmax(1);
        return nn.functional.kl_div(input, target, reduction: nn.Reduction.Sum, log_target: true) * (t * t / original.shape[0]);
    }

    /// <summary>Squared logit error, each pair weighted by 1 + n · softmax(orig / T) of its row.</summary>
    private static Tensor TopWeighted(Tensor original, Tensor reconstructed, double t)
    {
        var weights = (original / t).softmax(1) * original.shape[1] + 1;
        return (weights * (reconstructed - original).square()).mean();
    }
}
