namespace RecSaeExplorer.Core.Interpretability;

/// <summary>
/// Rank-biased overlap of two best-first lists of distinct ids (Webber, Moffat, Zobel 2010).
/// <see cref="Truncated"/> is the form the paper reports (identical lists of 30 score 1 − p³⁰);
/// <see cref="Extrapolated"/> (RBO_ext) assumes the observed agreement continues, so identical lists score 1.
/// </summary>
public static class RankBiasedOverlap
{
    public const double DefaultP = 0.9;
    public const int DefaultDepth = 30;

    /// <summary>(1 − p) Σ_{d=1..depth} p^{d−1} |A_{1:d} ∩ B_{1:d}| / d.</summary>
    public static double Truncated(ReadOnlySpan<int> a, ReadOnlySpan<int> b, double p = DefaultP, int depth = DefaultDepth)
    {
        CheckP(p);
        var overlap = Overlaps(a, b, depth);
        double sum = 0, weight = 1;
        for (int d = 1; d <= depth; d++)
        {
            sum += weight * overlap[d] / d;
            weight *= p;
        }
        return (1 - p) * sum;
    }

    /// <summary>
    /// RBO_ext of Webber et al. (2010, eq. 32), for lists of possibly different lengths
    /// (s = shorter, l = longer); 1 for identical lists, 0 for disjoint ones.
    /// </summary>
    public static double Extrapolated(ReadOnlySpan<int> a, ReadOnlySpan<int> b, double p = DefaultP)
    {
        CheckP(p);
        if (a.Length > b.Length) return Extrapolated(b, a, p);
        ReadOnlySpan<int> shorter = a, longer = b;
        int s = shorter.Length, l = longer.Length;
        if (l == 0) return 1; // two empty lists agree completely
        if (s == 0) return 0;
        var overlap = OverlapsShortPrefix(shorter, longer);
        double sum = 0;
        for (int d = 1; d <= l; d++) sum += overlap[d] / (double)d * Math.Pow(p, d);
        for (int d = s + 1; d <= l; d++) sum += overlap[s] * (d - s) / ((double)s * d) * Math.Pow(p, d);
        double tail = ((overlap[l] - overlap[s]) / (double)l + overlap[s] / (double)s) * Math.Pow(p, l);
        return (1 - p) / p * sum + tail;
    }

    /// <summary>overlap[d] = |A_{1:d} ∩ B_{1:d}| for d = 0..depth (prefixes stop at each list's end).</summary>
    private static int[] Overlaps(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int depth)
    {
        var overlap = new int[depth + 1];
        var seenA = new HashSet<int>();
        var seenB = new HashSet<int>();
        int common = 0;
        for (int d = 1; d <= depth; d++)
        {
            if (d <= a.Length && seenA.Add(a[d - 1]) && seenB.Contains(a[d - 1])) common++;
            if (d <= b.Length && seenB.Add(b[d - 1]) && seenA.Contains(b[d - 1])) common++;
            overlap[d] = common;
        }
        return overlap;
    }

    /// <summary>X_d for d = 0..l, where beyond s only the longer list grows (the shorter one is complete).</summary>
    private static int[] OverlapsShortPrefix(ReadOnlySpan<int> shorter, ReadOnlySpan<int> longer) =>
        Overlaps(shorter, longer, longer.Length);

    private static void CheckP(double p)
    {
        if (p is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(p), "p must lie strictly between 0 and 1.");
    }
}
