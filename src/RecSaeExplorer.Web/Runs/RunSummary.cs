using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Records;

namespace RecSaeExplorer.Web.Runs;

/// <summary>
/// One row of the runs grid: the stored run's identity plus the few numbers people compare runs by.
/// Metrics are null when the run was stored without them (or its kind does not have them).
/// </summary>
public sealed record RunSummary(
    string Id, string Kind, string Dataset, string Model, string Preset, int Seed, double? Beta, string? ParentRunId, DateTime CreatedUtc,
    double? SampledHr10, double? SampledNdcg10, double? FullHr10, double? FullNdcg10,
    double? MeanRbo, double? MeanKendall)
{
    public bool IsSae => Kind == RunStore.SaeKind;

    /// <summary>SAE runs: the share of the embeddings' variance the reconstruction explains (for the quality badge).</summary>
    public double? ExplainedVariance { get; init; }

    public static RunSummary Of(RunInfo run)
    {
        var record = RunRecord.Of(run);
        var recommender = record.RecommenderMetrics;
        var sae = record.SaeMetrics;
        return new RunSummary(run.Id, run.Kind, run.DatasetName, run.Model, run.Preset, run.Seed, record.SaeConfig?.Loss.Beta, run.ParentRunId, run.CreatedUtc,
            recommender?.SampledAt(10)?.HitRate, recommender?.SampledAt(10)?.Ndcg, recommender?.FullAt(10)?.HitRate, recommender?.FullAt(10)?.Ndcg,
            sae?.Honest.MeanRbo, sae?.Honest.MeanKendall)
        {
            ExplainedVariance = sae?.ExplainedVariance,
        };
    }
}
