namespace RecSaeExplorer.Core.Interpretability;

/// <summary>How closely one user's reconstructed top list follows the original one.</summary>
public readonly record struct ListAgreement(double Rbo, double RboExt, double Kendall)
{
    /// <summary>RBO (truncated, p = 0.9, depth 30), RBO_ext and Kendall τ-b of two best-first lists.</summary>
    public static ListAgreement Of(ReadOnlySpan<int> original, ReadOnlySpan<int> reconstructed,
        double p = RankBiasedOverlap.DefaultP, int depth = RankBiasedOverlap.DefaultDepth) => new(
        RankBiasedOverlap.Truncated(original, reconstructed, p, depth),
        RankBiasedOverlap.Extrapolated(original, reconstructed, p),
        KendallTau.TauB(original, reconstructed));
}
