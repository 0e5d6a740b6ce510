using RecSaeExplorer.Engine.Sae.Evaluation;

namespace RecSaeExplorer.Web.Quality;

/// <summary>
/// The documented thresholds behind every quality badge (the glossary page lists them). They are judgement calls
/// anchored on the paper: its ML-1M MF runs reach RBO 0.22–0.54 and NCF runs 0.45–0.75 (identical lists: 0.958).
/// </summary>
public static class QualityThresholds
{
    public static readonly QualityThreshold Fidelity = new("RBO", 0.5, 0.7,
        "Fidelity: how well top-30 lists under the SAE's reconstruction match the real ones; edits decoded through a low-fidelity SAE say little about the recommender.");

    public static readonly QualityThreshold ExplainedVariance = new("Explained variance", 0.2, 0.5,
        "How much of the embeddings the SAE reconstructs; near 0 its neurons describe little of what the recommender encodes.");

    public static readonly QualityThreshold LabelConfidence = new("Confidence", 0.25, 0.5,
        "How far the label's share of the neuron's top items rises above its base rate, discounted by its q-value.");

    public static IReadOnlyList<QualityThreshold> All { get; } = [Fidelity, ExplainedVariance, LabelConfidence];

    /// <summary>An SAE run's grades (fidelity, explained variance); its overall level is the worst of them.</summary>
    public static IReadOnlyList<QualityGrade> Of(SaeMetrics metrics) =>
        [Fidelity.Grade(metrics.Honest.MeanRbo), ExplainedVariance.Grade(metrics.ExplainedVariance)];

    public static QualityLevel Overall(IReadOnlyList<QualityGrade> grades) => grades.Count == 0 ? QualityLevel.Good : grades.Min(g => g.Level);
}
