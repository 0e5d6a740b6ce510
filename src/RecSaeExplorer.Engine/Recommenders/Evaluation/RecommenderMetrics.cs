using RecSaeExplorer.Core.Metrics;

namespace RecSaeExplorer.Engine.Recommenders.Evaluation;

/// <summary>
/// Accuracy and beyond-accuracy of a recommender on a split's held-out positives.
/// <see cref="FullRanking"/> and <see cref="Sampled"/> hold one entry per K (empty when not computed).
/// </summary>
public sealed record RecommenderMetrics
{
    public IReadOnlyList<RankingScores> FullRanking { get; init; } = [];

    /// <summary>NCF protocol; one case per held-out positive (Count = cases, not users).</summary>
    public IReadOnlyList<RankingScores> Sampled { get; init; } = [];

    /// <summary>Coverage and popularity of the full-ranking top-K lists, one per K.</summary>
    public IReadOnlyList<CoverageScores> Coverage { get; init; } = [];

    public int UsersEvaluated { get; init; }
    public double Seconds { get; init; }

    public RankingScores? FullAt(int k) => FullRanking.FirstOrDefault(s => s.K == k);
    public RankingScores? SampledAt(int k) => Sampled.FirstOrDefault(s => s.K == k);
    public CoverageScores? CoverageAt(int k) => Coverage.FirstOrDefault(s => s.K == k);
}

/// <summary>Share of the catalogue recommended to anyone, and mean user count of recommended items.</summary>
public sealed record CoverageScores(int K, double CatalogCoverage, double MeanPopularity);
