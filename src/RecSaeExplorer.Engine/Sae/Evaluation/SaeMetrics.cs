using RecSaeExplorer.Core.Interpretability;
using RecSaeExplorer.Core.Metrics;

namespace RecSaeExplorer.Engine.Sae.Evaluation;

/// <summary>Per-user agreement of reconstructed with original top lists (arrays aligned with <see cref="SaeMetrics.Users"/>).</summary>
public sealed record FidelityScores(double[] Rbo, double[] RboExt, double[] Kendall)
{
    public double MeanRbo => Rbo.Length == 0 ? 0 : Rbo.Average();
    public double MeanRboExt => RboExt.Length == 0 ? 0 : RboExt.Average();
    public double MeanKendall => Kendall.Length == 0 ? 0 : Kendall.Average();

    public Distribution RboDistribution() => Distribution.Of(Rbo);
    public Distribution KendallDistribution() => Distribution.Of(Kendall);
}

/// <summary>
/// What <see cref="SaeEvaluator"/> measures on the test users. <see cref="Honest"/> lists exclude each
/// user's training positives (the setting the acceptance is judged on); <see cref="SeenIncluded"/> ranks
/// every item, as the research code's NCF evaluation did (inflated; reported, labelled).
/// </summary>
public sealed record SaeMetrics
{
    public int[] Users { get; init; } = [];
    public int Depth { get; init; }
    public FidelityScores Honest { get; init; } = new([], [], []);
    public FidelityScores SeenIncluded { get; init; } = new([], [], []);

    /// <summary>Mean MS over neurons, similarity = cosine of the recommender's item embeddings (the paper's variant).</summary>
    public double Monosemanticity { get; init; }

    /// <summary>Mean MS over neurons, similarity = Jaccard of item facets (genres / tags).</summary>
    public double MonosemanticityMetadata { get; init; }

    public double[] MonosemanticityPerNeuron { get; init; } = [];

    /// <summary>Mean active latents per vector over all items and test users.</summary>
    public double MeanL0 { get; init; }
    public double MeanL0Items { get; init; }
    public double MeanL0Users { get; init; }

    /// <summary>Latents active on no item and no test user.</summary>
    public int DeadLatents { get; init; }
    public double DeadShare { get; init; }

    /// <summary>Live latents active on fewer than <see cref="RareBelow"/> of the items and test users.</summary>
    public int RareLatents { get; init; }
    public double RareShare { get; init; }
    public const double RareBelow = 0.01;

    /// <summary>Explained variance of item and test-user embeddings together.</summary>
    public double ExplainedVariance { get; init; }

    /// <summary>HR/NDCG@K of the test users' held-out positives, original vs reconstructed embeddings.</summary>
    public RankingScores? OriginalAccuracy { get; init; }
    public RankingScores? ReconstructedAccuracy { get; init; }

    public double Seconds { get; init; }
}
