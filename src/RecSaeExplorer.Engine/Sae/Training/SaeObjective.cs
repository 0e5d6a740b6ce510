using RecSaeExplorer.Engine.Recommenders;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Training;

/// <summary>
/// L = α·L_emb + β·L_pred + λ_KL·KL(ρ) + λ_1·L1 + c·AuxK (METHOD.md §3). L_emb is the MSE of users plus
/// items, summed over the Matryoshka prefixes when configured; KL is taken for users and items separately.
/// </summary>
internal sealed class SaeObjective(SparseAutoencoder sae, SaeConfig config, PredictionTerm prediction, DeadLatentTracker dead)
{
    private const double KlClamp = 1e-6;

    public (Tensor Total, SaeLossParts Parts) Compute(StepBatch b, Random random)
    {
        var embedding = Embedding(b) * config.Loss.Alpha;
        var total = embedding;
        Tensor? pred = null, kl = null, l1 = null, aux = null;
        if (config.Loss.Beta > 0) total = total + (pred = prediction.Compute(b, random) * config.Loss.Beta);
        if (config.Loss.LambdaKl > 0) total = total + (kl = (Kl(b.UserCode.Z) + Kl(b.ItemCode.Z)) * config.Loss.LambdaKl);
        if (config.Loss.LambdaL1 > 0) total = total + (l1 = (b.UserCode.Z.abs().mean() + b.ItemCode.Z.abs().mean()) * config.Loss.LambdaL1);
        if (config.DeadLatents.AuxCoefficient > 0 && config.Architecture.UsesTopK && dead.DeadMask(b.UserEmbeddings.device) is { } mask)
        {
            total = total + (aux = (AuxK(b.UserEmbeddings, b.UserCode, b.UserReconstruction, mask)
                                    + AuxK(b.ItemEmbeddings, b.ItemCode, b.ItemReconstruction, mask)) * config.DeadLatents.AuxCoefficient);
        }
        var parts = new SaeLossParts(Value(total), Value(embedding), Value(pred), Value(kl), Value(l1), Value(aux));
        return (total, parts);
    }

    private Tensor Embedding(StepBatch b)
    {
        if (config.Architecture.MatryoshkaPrefixes.Count == 0)
            return nn.functional.mse_loss(b.UserReconstruction, b.UserEmbeddings) + nn.functional.mse_loss(b.ItemReconstruction, b.ItemEmbeddings);
        Tensor sum = zeros(1, device: b.UserEmbeddings.device).squeeze();
        foreach (int p in config.Architecture.MatryoshkaPrefixes)
        {
            sum = sum + nn.functional.mse_loss(sae.Reconstruct(b.UserCode, p), b.UserEmbeddings)
                      + nn.functional.mse_loss(sae.Reconstruct(b.ItemCode, p), b.ItemEmbeddings);
        }
        return sum;
    }

    /// <summary>Σ_j ρ log(ρ/ρ̂_j) + (1−ρ) log((1−ρ)/(1−ρ̂_j)), ρ̂_j the batch mean of z_j clamped to [1e-6, 1−1e-6].</summary>
    private Tensor Kl(Tensor z)
    {
        double rho = config.Loss.KlTarget;
        var rhoHat = z.mean([0]).clamp(KlClamp, 1 - KlClamp);
        return (rho * (rho / rhoHat).log() + (1 - rho) * ((1 - rho) / (1 - rhoHat)).log()).sum();
    }

    /// <summary>
    /// AuxK (Gao et al. 2024): the top-k_aux dead latents must model the residual of the main
    /// reconstruction; normalized by the residual's own size so the term stays O(1).
    /// </summary>
    private Tensor AuxK(Tensor x, SaeCode code, Tensor reconstruction, Tensor deadMask)
    {
        int k = (int)Math.Min(config.DeadLatents.AuxK, deadMask.sum().item<long>());
        var residual = (x - reconstruction).detach();
        var pre = code.PreActivations.masked_fill(deadMask.logical_not(), float.NegativeInfinity);
        var (values, indices) = pre.topk(k, 1);
        var z = zeros_like(pre).scatter(1, indices, nn.functional.relu(values));
        var estimate = sae.DecodeDirections(z);
        if (code.Std is { } std) estimate = estimate * std;
        return nn.functional.mse_loss(estimate, residual) / (residual.square().mean() + 1e-8);
    }

    private static double Value(Tensor? t) => t is null ? 0 : t.item<float>();
}
