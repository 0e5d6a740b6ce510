using RecSaeExplorer.Engine.Runs;

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
        var summary = new RunSummary(run.Id, run.Kind, run.DatasetName, run.Model, run.Preset, run.Seed, null, run.ParentRunId, run.CreatedUtc,
            null, null, null, null, null, null);
        try
        {
            switch (run.Kind)
            {
                case RunStore.RecommenderKind when RunStore.RecommenderMetricsOf(run) is { } m:
                    return summary with
                    {
                        SampledHr10 = m.SampledAt(10)?.HitRate, SampledNdcg10 = m.SampledAt(10)?.Ndcg,
                        FullHr10 = m.FullAt(10)?.HitRate, FullNdcg10 = m.FullAt(10)?.Ndcg,
                    };
                case RunStore.SaeKind:
                    var metrics = RunStore.SaeMetricsOf(run);
                    return summary with
                    {
                        Beta = RunStore.SaeConfigOf(run).Beta,
                        MeanRbo = metrics?.Honest.MeanRbo, MeanKendall = metrics?.Honest.MeanKendall, ExplainedVariance = metrics?.ExplainedVariance,
                    };
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or NotSupportedException)
        {
            // A run written by an older or newer engine: list it with what is readable.
        }
        return summary;
    }
}
