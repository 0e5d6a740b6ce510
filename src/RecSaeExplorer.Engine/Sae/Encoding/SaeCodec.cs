using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Encoding;

/// <summary>Encoding embeddings to codes (host matrices), in batches, without gradients.</summary>
public static class SaeCodec
{
    private const int Batch = 4096;

    /// <summary>Codes z of <paramref name="embeddings"/> [n, d] as a host matrix [n, m].</summary>
    public static ActivationMatrix Activations(SparseAutoencoder sae, Tensor embeddings)
    {
        int n = (int)embeddings.shape[0];
        var values = new float[(long)n * sae.Width];
        for (int start = 0; start < n; start += Batch)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            int count = Math.Min(Batch, n - start);
            var z = sae.Encode(embeddings.narrow(0, start, count)).Z.cpu().contiguous();
            z.data<float>().CopyTo(values.AsSpan(start * sae.Width, count * sae.Width));
        }
        return new ActivationMatrix(n, sae.Width, values);
    }

    /// <summary>Item and user activations of every item and user of the recommender.</summary>
    public static (ActivationMatrix Items, ActivationMatrix Users) Activations(IRecommender recommender, SparseAutoencoder sae)
    {
        using var items = recommender.ItemEmbeddings();
        using var users = recommender.UserEmbeddings();
        return (Activations(sae, items), Activations(sae, users));
    }
}
