using RecSaeExplorer.Core.Concepts;

namespace RecSaeExplorer.Engine.Explanations;

/// <summary>
/// How a neuron fires over the catalogue (Neuronpedia's density plot): the nonzero activations, for a
/// histogram, and the share of items with any activation. Zeros are left out of the histogram, since for a
/// sparse neuron they would flatten every other bar.
/// </summary>
public sealed record ActivationDensity(IReadOnlyList<double> Nonzero, int Total)
{
    public double FiringShare => Total == 0 ? 0 : Nonzero.Count / (double)Total;

    public static ActivationDensity Of(ActivationMatrix codes, int neuron)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(neuron);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(neuron, codes.Neurons);
        return new ActivationDensity(codes.Column(neuron).Where(v => v != 0).ToArray(), codes.Rows);
    }
}
