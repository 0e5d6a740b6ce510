using CsvHelper;
using RecSaeExplorer.Core.Interpretability;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae.Evaluation;

namespace RecSaeExplorer.Engine.Sae.Sweeps;

/// <summary>
/// One (model, preset, β) cell of a sweep: mean and sample sd over seeds of each run's mean-over-users
/// metrics, with the paper's number beside (NaN where it reported none, and for any recommender but the
/// paper's recipe at d = 20 on ML-1M). Also the CSV row.
/// </summary>
[CsvRecord]
public sealed partial record SweepRow
{
    public string Model { get; init; } = "";

    /// <summary>The frozen recommender's run id, recipe and dimension: what the numbers were measured on.</summary>
    public string Recommender { get; init; } = "";
    public string RecommenderPreset { get; init; } = "";
    public int RecommenderDim { get; init; }
    public string Preset { get; init; } = "";
    public double Beta { get; init; }
    public int Seeds { get; init; }
    public double Rbo { get; init; }
    public double RboSd { get; init; }
    public double RboExt { get; init; }
    public double RboExtSd { get; init; }
    public double Kendall { get; init; }
    public double KendallSd { get; init; }
    public double RboSeen { get; init; }
    public double KendallSeen { get; init; }
    public double Ms { get; init; }
    public double MsSd { get; init; }
    public double MsMetadata { get; init; }
    public double L0 { get; init; }
    public double DeadPercent { get; init; }

    /// <summary>Live latents firing on under 1% of the vectors, in percent of the width.</summary>
    public double RarePercent { get; init; }
    public double ExplainedVariance { get; init; }
    public double HitRateRecon { get; init; }
    public double HitRateOriginal { get; init; }
    public double TrainSeconds { get; init; }
    public double PaperRbo { get; init; }
    public double PaperKendall { get; init; }
    public double PaperMs { get; init; }

    /// <summary>Aggregates the runs of one cell (one per seed).</summary>
    public static SweepRow Of(RecommenderLabel recommender, string preset, double beta, IReadOnlyList<(SaeMetrics Metrics, double Seconds)> runs)
    {
        Distribution D(Func<SaeMetrics, double> f) => Distribution.Of(runs.Select(r => f(r.Metrics)));
        var paper = PaperNumbers.For(recommender, beta);
        return new SweepRow
        {
            Model = recommender.Model.Name(), Recommender = recommender.RunId, RecommenderPreset = recommender.Preset,
            RecommenderDim = recommender.Dim, Preset = preset, Beta = beta, Seeds = runs.Count,
            Rbo = D(m => m.Honest.MeanRbo).Mean, RboSd = D(m => m.Honest.MeanRbo).StdDev,
            RboExt = D(m => m.Honest.MeanRboExt).Mean, RboExtSd = D(m => m.Honest.MeanRboExt).StdDev,
            Kendall = D(m => m.Honest.MeanKendall).Mean, KendallSd = D(m => m.Honest.MeanKendall).StdDev,
            RboSeen = D(m => m.SeenIncluded.MeanRbo).Mean, KendallSeen = D(m => m.SeenIncluded.MeanKendall).Mean,
            Ms = D(m => m.Monosemanticity).Mean, MsSd = D(m => m.Monosemanticity).StdDev,
            MsMetadata = D(m => m.MonosemanticityMetadata).Mean,
            L0 = D(m => m.MeanL0).Mean, DeadPercent = 100 * D(m => m.DeadShare).Mean,
            RarePercent = 100 * D(m => m.RareShare).Mean,
            ExplainedVariance = D(m => m.ExplainedVariance).Mean,
            HitRateRecon = D(m => m.ReconstructedAccuracy?.HitRate ?? 0).Mean,
            HitRateOriginal = D(m => m.OriginalAccuracy?.HitRate ?? 0).Mean,
            TrainSeconds = runs.Average(r => r.Seconds),
            PaperRbo = paper?.Rbo ?? double.NaN, PaperKendall = paper?.Kendall ?? double.NaN, PaperMs = paper?.Ms ?? double.NaN,
        };
    }
}
