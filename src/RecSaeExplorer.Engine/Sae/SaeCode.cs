using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae;

/// <summary>
/// An encoded batch: pre-activations, the sparse code z, and (when the SAE standardizes its inputs)
/// each vector's mean and std, needed to map decodes back to embedding space.
/// </summary>
public sealed record SaeCode(Tensor PreActivations, Tensor Z, Tensor? Mean = null, Tensor? Std = null)
{
    /// <summary>Maps a decode in standardized space back to embedding space.</summary>
    public Tensor Unstandardize(Tensor x) => Mean is null || Std is null ? x : x * Std + Mean;
}
