namespace RecSaeExplorer.Core.Interpretability;

/// <summary>Health of a sparse code: L0, dead latents, explained variance (plain arrays, no tensors).</summary>
public static class SparsityStats
{
    /// <summary>Mean number of non-zero latents per code row.</summary>
    public static double MeanL0(IReadOnlyList<float[]> codes) =>
        codes.Count == 0 ? 0 : codes.Average(row => (double)row.Count(v => v != 0));

    /// <summary>Latents that are zero on every row (never active on the given vectors).</summary>
    public static int DeadCount(IReadOnlyList<float[]> codes)
    {
        if (codes.Count == 0) return 0;
        var alive = new bool[codes[0].Length];
        foreach (var row in codes)
        {
            for (int k = 0; k < row.Length; k++) alive[k] |= row[k] != 0;
        }
        return alive.Count(a => !a);
    }

    /// <summary>Share of latents that never fire, in [0, 1].</summary>
    public static double DeadShare(IReadOnlyList<float[]> codes) =>
        codes.Count == 0 || codes[0].Length == 0 ? 0 : (double)DeadCount(codes) / codes[0].Length;

    /// <summary>
    /// Latents that fire, but on fewer than <paramref name="share"/> of the rows. A TopK SAE can keep most
    /// of its latents "alive" on a handful of vectors each; they carry no concept, and the dead count hides them.
    /// </summary>
    public static int RareCount(IReadOnlyList<float[]> codes, double share)
    {
        if (codes.Count == 0) return 0;
        var fired = new int[codes[0].Length];
        foreach (var row in codes)
        {
            for (int k = 0; k < row.Length; k++) if (row[k] != 0) fired[k]++;
        }
        return fired.Count(f => f > 0 && f < share * codes.Count);
    }

    /// <summary>1 − Σ‖x − x̂‖² / Σ‖x − x̄‖² (x̄ = per-dimension mean of the originals).</summary>
    public static double ExplainedVariance(IReadOnlyList<float[]> originals, IReadOnlyList<float[]> reconstructions)
    {
        if (originals.Count != reconstructions.Count) throw new ArgumentException("One reconstruction per original is required.");
        if (originals.Count == 0) return 0;
        int d = originals[0].Length;
        var mean = new double[d];
        foreach (var x in originals) for (int k = 0; k < d; k++) mean[k] += x[k] / (double)originals.Count;
        double residual = 0, total = 0;
        for (int r = 0; r < originals.Count; r++)
        {
            for (int k = 0; k < d; k++)
            {
                residual += Math.Pow(originals[r][k] - reconstructions[r][k], 2);
                total += Math.Pow(originals[r][k] - mean[k], 2);
            }
        }
        return total == 0 ? 0 : 1 - residual / total;
    }
}
