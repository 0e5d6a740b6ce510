namespace RecSaeExplorer.Core.Interpretability;

/// <summary>Mean, sample standard deviation and quartiles of a set of values (per-user metrics, seeds).</summary>
public sealed record Distribution(int Count, double Mean, double StdDev, double Min, double Q1, double Median, double Q3, double Max)
{
    public static Distribution Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0) return Empty;
        Array.Sort(sorted);
        double mean = sorted.Average();
        double sd = sorted.Length < 2 ? 0 : Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1));
        return new Distribution(sorted.Length, mean, sd, sorted[0], Quantile(sorted, 0.25), Quantile(sorted, 0.5),
            Quantile(sorted, 0.75), sorted[^1]);
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
