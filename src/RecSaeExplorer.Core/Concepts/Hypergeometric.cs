namespace RecSaeExplorer.Core.Concepts;

/// <summary>
/// Hypergeometric tail probabilities in log space (log-gamma via Lanczos), so tiny p-values such as
/// 1e-120 for a pure top-200 neither underflow nor need a statistics library.
/// </summary>
public static class Hypergeometric
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7; ~15 significant digits).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        double sum = Lanczos[0];
        for (int k = 1; k < Lanczos.Length; k++) sum += Lanczos[k] / (x + k);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>ln C(n, k).</summary>
    public static double LogChoose(int n, int k) => LogGamma(n + 1) - LogGamma(k + 1) - LogGamma(n - k + 1);

    /// <summary>ln P(X = k) for X ~ Hypergeometric(population, successes, draws).</summary>
    public static double LogPmf(int population, int successes, int draws, int k) =>
        LogChoose(successes, k) + LogChoose(population - successes, draws - k) - LogChoose(population, draws);

    /// <summary>
    /// P(X ≥ observed): the chance that <paramref name="draws"/> items drawn without replacement from
    /// <paramref name="population"/> contain at least <paramref name="observed"/> of the <paramref name="successes"/>.
    /// </summary>
    public static double UpperTail(int population, int successes, int draws, int observed) =>
        Math.Exp(LogUpperTail(population, successes, draws, observed));

    /// <summary>ln P(X ≥ observed), summed with log-sum-exp.</summary>
    public static double LogUpperTail(int population, int successes, int draws, int observed)
    {
        if (successes < 0 || successes > population || draws < 0 || draws > population)
            throw new ArgumentOutOfRangeException(nameof(population), "Need 0 ≤ successes, draws ≤ population.");
        int low = Math.Max(observed, Math.Max(0, draws - (population - successes)));
        int high = Math.Min(draws, successes);
        if (low > high) return observed <= 0 ? 0 : double.NegativeInfinity;
        double max = double.NegativeInfinity;
        var terms = new double[high - low + 1];
        for (int k = low; k <= high; k++)
        {
            terms[k - low] = LogPmf(population, successes, draws, k);
            max = Math.Max(max, terms[k - low]);
        }
        double sum = 0;
        foreach (double t in terms) sum += Math.Exp(t - max);
        return Math.Min(0, max + Math.Log(sum));
    }
}
