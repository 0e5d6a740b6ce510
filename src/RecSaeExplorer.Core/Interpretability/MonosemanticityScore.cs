namespace RecSaeExplorer.Core.Interpretability;

/// <summary>
/// Monosemanticity score (Pach et al. 2025, as the paper adapts it): per neuron, min-max scale its
/// activations over all items, take the K most activating items, and average the similarity of each
/// pair (n ≠ m) weighted by ã_n·ã_m: MS_k = Σ r_nm s_nm / Σ r_nm. A dead neuron (or one whose
/// weights sum to 0) scores 0.
/// </summary>
public static class MonosemanticityScore
{
    public const int DefaultTopK = 30;

    /// <summary>One score per neuron. <paramref name="activations"/>[item][neuron].</summary>
    public static double[] PerNeuron(IReadOnlyList<float[]> activations, Func<int, int, double> similarity, int topK = DefaultTopK)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        if (activations.Count == 0) return [];
        int neurons = activations[0].Length;
        var scores = new double[neurons];
        var column = new double[activations.Count];
        for (int k = 0; k < neurons; k++)
        {
            for (int i = 0; i < column.Length; i++) column[i] = activations[i][k];
            scores[k] = OfNeuron(column, similarity, topK);
        }
        return scores;
    }

    /// <summary>The mean of <see cref="PerNeuron"/> (dead neurons count as 0, as in the paper).</summary>
    public static double Mean(IReadOnlyList<float[]> activations, Func<int, int, double> similarity, int topK = DefaultTopK)
    {
        var scores = PerNeuron(activations, similarity, topK);
        return scores.Length == 0 ? 0 : scores.Average();
    }

    /// <summary>The score of one neuron from its activation over every item.</summary>
    public static double OfNeuron(ReadOnlySpan<double> activation, Func<int, int, double> similarity, int topK = DefaultTopK)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double a in activation) { min = Math.Min(min, a); max = Math.Max(max, a); }
        if (!(max > min) || max <= 0) return 0; // dead or constant
        var top = TopItems(activation, topK);
        double weighted = 0, weights = 0;
        for (int x = 0; x < top.Length; x++)
        {
            double ax = (activation[top[x]] - min) / (max - min);
            for (int y = x + 1; y < top.Length; y++)
            {
                double r = ax * (activation[top[y]] - min) / (max - min);
                weighted += r * similarity(top[x], top[y]);
                weights += r;
            }
        }
        return weights > 0 ? weighted / weights : 0;
    }

    /// <summary>Indices of the K largest values, ties broken by lower index (deterministic).</summary>
    internal static int[] TopItems(ReadOnlySpan<double> values, int k)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        var keys = values.ToArray();
        Array.Sort(order, (i, j) => keys[j] != keys[i] ? keys[j].CompareTo(keys[i]) : i.CompareTo(j));
        return order[..Math.Min(k, order.Length)];
    }
}
