using RecSaeExplorer.Engine.Sae;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Interventions;

/// <summary>Decoding edited codes, without gradients.</summary>
public static class CodeEdits
{
    /// <summary>
    /// Decodes an edit of <paramref name="embeddings"/>' codes. With <paramref name="keepResidual"/> the
    /// SAE's reconstruction error is kept (x + D(z') − D(z)), so an edit that changes nothing leaves the
    /// embedding exactly as it was; without it the result is the plain decode D(z') of METHOD.md §6.
    /// </summary>
    public static Tensor Edit(SparseAutoencoder sae, Tensor embeddings, LatentEdit edit, bool keepResidual = true)
    {
        using var noGrad = no_grad();
        var code = sae.Encode(embeddings);
        var edited = sae.Reconstruct(code with { Z = edit.Apply(code.Z) });
        return keepResidual ? embeddings + edited - sae.Reconstruct(code) : edited;
    }
}
