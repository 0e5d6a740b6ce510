using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Training;

/// <summary>Clears TorchSharp Adam's moments for chosen latents of an SAE (its encoder rows, biases and decoder columns).</summary>
internal static class AdamMoments
{
    public static void Clear(Adam optimizer, SparseAutoencoder sae, long[] latents)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var parameters = sae.named_parameters().ToArray();
        var states = optimizer.state_dict().State;
        var index = tensor(latents);
        for (int p = 0; p < parameters.Length && p < states.Count; p++)
        {
            if (parameters[p].name == "pre_bias" || states[p] is not Adam.State state || state.exp_avg is null) continue;
            // The decoder is [d, m]: a latent is a column. Everything else is indexed by latent first.
            int dim = parameters[p].name == "decoder" ? 1 : 0;
            state.exp_avg.index_fill_(dim, index, 0);
            state.exp_avg_sq.index_fill_(dim, index, 0);
        }
    }
}
