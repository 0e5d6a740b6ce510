namespace RecSaeExplorer.Core.Concepts;

/// <summary>Effect sizes of a neuron's user activation across demographic groups.</summary>
public static class DemographicEffects
{
    /// <summary>Cohen's d of group a minus group b with the pooled sd; null when a group has fewer than 2 members; 0 when the sd is 0.</summary>
    public static double? CohensD(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count < 2 || b.Count < 2) return null;
        double ma = a.Average(), mb = b.Average();
        double ssa = a.Sum(x => (x - ma) * (x - ma)), ssb = b.Sum(x => (x - mb) * (x - mb));
        double pooled = Math.Sqrt((ssa + ssb) / (a.Count + b.Count - 2));
        return pooled == 0 ? 0 : (ma - mb) / pooled;
    }

    /// <summary>η² = between-group sum of squares ÷ total sum of squares (0 = no association, 1 = groups explain everything).</summary>
    public static double? EtaSquared(IReadOnlyList<IReadOnlyList<double>> groups)
    {
        var nonEmpty = groups.Where(g => g.Count > 0).ToList();
        if (nonEmpty.Count < 2) return null;
        double grand = nonEmpty.SelectMany(g => g).Average();
        double total = nonEmpty.SelectMany(g => g).Sum(x => (x - grand) * (x - grand));
        double between = nonEmpty.Sum(g => g.Count * Math.Pow(g.Average() - grand, 2));
        return total == 0 ? 0 : between / total;
    }
}
