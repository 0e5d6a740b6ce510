using RecSaeExplorer.Engine.Sae;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Explanations;

/// <summary>A neuron whose decoder direction is close to another's.</summary>
public sealed record NeuronNeighbour(int Neuron, double Cosine);

/// <summary>
/// The neurons most similar to one by decoder cosine (columns of W_dec in the SAE's input space): near
/// duplicates, or a broad concept and its finer splits. Call through the run's TorchExecutor gate.
/// </summary>
public static class DecoderNeighbours
{
    public static IReadOnlyList<NeuronNeighbour> Of(SparseAutoencoder sae, int neuron, int top = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(neuron);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(neuron, sae.Width);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var directions = nn.functional.normalize(sae.DecoderWeight, dim: 0);         // [d, m], unit columns
        var cosine = directions.t().matmul(directions.select(1, neuron)).clone();    // [m]
        cosine[neuron] = float.NegativeInfinity;
        var (values, indices) = cosine.topk(Math.Min(top, sae.Width - 1));
        float[] v = values.cpu().data<float>().ToArray();
        long[] ix = indices.cpu().data<long>().ToArray();
        return ix.Select((k, r) => new NeuronNeighbour((int)k, v[r])).ToList();
    }
}
