using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Interventions;

/// <summary>An item near a neuron's decoded direction.</summary>
public sealed record ProbeItem(int Item, double Cosine);

/// <summary>
/// Decodes a one-hot code (z_k = value) and lists the items whose embeddings are most cosine-similar
/// to it. Both sides are compared in the SAE's input space (standardized per vector when the SAE
/// standardizes), since a one-hot code has no mean and std of its own to undo. With <c>lowest</c> the
/// list is the other end: the items most opposed to the direction, which switching the neuron on pushes down.
/// </summary>
public static class DecoderProbe
{
    public static IReadOnlyList<ProbeItem> Probe(IRecommender recommender, SparseAutoencoder sae, int neuron, double value = 2, int top = 20,
        bool lowest = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(neuron);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(neuron, sae.Width);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var z = zeros(1, sae.Width, device: recommender.Device);
        z[0, neuron] = value;
        var direction = nn.functional.normalize(sae.DecodeRaw(z), dim: 1);
        var items = sae.InputSpace(recommender.ItemEmbeddings());
        var cosine = nn.functional.normalize(items, dim: 1).matmul(direction.t()).squeeze(1);
        var (values, indices) = cosine.topk(Math.Min(top, (int)cosine.shape[0]), largest: !lowest);
        float[] v = values.cpu().data<float>().ToArray();
        long[] ix = indices.cpu().data<long>().ToArray();
        return ix.Select((i, r) => new ProbeItem((int)i, v[r])).ToList();
    }
}
