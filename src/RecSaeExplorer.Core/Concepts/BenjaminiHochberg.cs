namespace RecSaeExplorer.Core.Concepts;

/// <summary>Benjamini–Hochberg false-discovery-rate adjustment (step-up q-values).</summary>
public static class BenjaminiHochberg
{
    /// <summary>
    /// q_(i) = min over j ≥ i of p_(j) · m / j (sorted ascending, capped at 1), returned in input order.
    /// Rejecting every test with q ≤ α controls the FDR at α.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        int m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--)
        {
            int i = order[rank - 1];
            running = Math.Min(running, pValues[i] * m / rank);
            q[i] = Math.Min(1, running);
        }
        return q;
    }
}
