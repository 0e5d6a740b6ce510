using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Training;

/// <summary>
/// Resampling of rarely firing latents (after Bricken et al. 2023, adapted to TopK). A TopK SAE on
/// d = 20 embeddings settles with a few dozen latents firing on most vectors and the rest on a handful:
/// those count as alive, so AuxK never reaches them, yet they carry no concept. Every
/// <see cref="SaeDeadLatents.ResampleEvery"/> steps in the first part of training, each latent firing on fewer
/// than <see cref="SaeDeadLatents.ResampleBelow"/> of the training vectors is pointed at a vector drawn with
/// probability ∝ its squared reconstruction error. The direction is the vector itself (from the
/// pre-bias), not its residual: under TopK a latent along a small residual never wins a slot, while one
/// along the vector wins on it and its neighbours. Its encoder gets the live latents' mean norm and bias,
/// and its Adam moments are cleared so stale momentum does not pull it back. No preset turns it on
/// (docs/decisions.md says why).
/// </summary>
internal sealed class LatentResampler(SaeConfig config, int totalSteps) : IDisposable
{
    // Its own seeded generator: the global one is shared with every other thread using LibTorch
    // (parallel tests, concurrent trainings in the explorer), which made draws depend on them.
    private readonly Generator _generator = new((ulong)config.Seed, CPU);

    public bool Due(int step) =>
        config.DeadLatents.ResampleEvery > 0 && step % config.DeadLatents.ResampleEvery == 0 && step <= config.DeadLatents.ResampleUntil * totalSteps;

    /// <summary>Resamples the rare latents over <paramref name="vectors"/> [n, d]; returns how many.</summary>
    public int Apply(SparseAutoencoder sae, Tensor vectors, Adam optimizer)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var code = sae.Encode(vectors);
        var share = code.Z.gt(0).to(ScalarType.Float32).mean([0]);
        var rare = share.lt(config.DeadLatents.ResampleBelow);
        long[] latents = rare.nonzero().flatten().data<long>().ToArray();
        if (latents.Length == 0 || latents.Length == sae.Width) return 0;
        var input = sae.InputSpace(vectors);
        var error = (input - sae.DecodeRaw(code.Z)).pow(2).sum(1);
        var weights = (error.pow(2) + 1e-12).cpu();
        var drawn = multinomial(weights, latents.Length, replacement: latents.Length > error.shape[0], generator: _generator).to(vectors.device);
        var directions = nn.functional.normalize(input.index_select(0, drawn) - sae.PreBias, dim: 1);
        var live = rare.logical_not();
        double norm = sae.EncoderWeight.norm(1)[live].mean().item<float>();
        double bias = sae.EncoderBias[live].mean().item<float>();
        sae.Reinitialize(latents, directions, norm, bias);
        AdamMoments.Clear(optimizer, sae, latents);
        return latents.Length;
    }

    public void Dispose() => _generator.Dispose();
}
