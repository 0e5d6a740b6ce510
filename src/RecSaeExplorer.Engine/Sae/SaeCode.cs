using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae;

/// <summary>
/// An encoded batch: pre-activations, the sparse code z, and (when the SAE scales its inputs) each
/// vector's shift and scale (mean and std when standardized; no shift and the norm when unit-norm),
/// needed to map decodes back to embedding space.
/// </summary>
public sealed record SaeCode(Tensor PreActivations, Tensor Z, Tensor? Mean = null, Tensor? Std = null)
{
    /// <summary>Maps a decode in standardized space back to embedding space.</summary>
    public Tensor Unstandardize(Tensor x)
    {
        if (Std is not null) x = x * Std;
        return Mean is null ? x : x + Mean;
    }
}
