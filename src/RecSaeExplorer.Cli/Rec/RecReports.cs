using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;

namespace RecSaeExplorer.Cli.Rec;

/// <summary>The JSON shape of <c>rec train</c>.</summary>
public sealed record RecTrainReport(
    string? RunId, string Model, string Preset, string Dataset, int Seed, int SplitSeed,
    RecommenderConfig Config, RecommenderMetrics Metrics,
    IReadOnlyList<double> EpochSeconds, IReadOnlyList<double> EpochLosses, double TotalSeconds)
{
    public static RecTrainReport Of(string? runId, TrainedRecommender trained, RecommenderMetrics metrics) => new(
        runId, trained.Config.Model.ToString().ToLowerInvariant(), trained.Config.Preset, trained.DatasetName,
        trained.Config.Seed, trained.SplitSeed, trained.Config, metrics, trained.EpochSeconds, trained.EpochLosses, trained.TotalSeconds);
}

/// <summary>The JSON shape of <c>rec eval</c>.</summary>
public sealed record RecEvalReport(string RunId, RecommenderMetrics Metrics);

/// <summary>The JSON shape of <c>rec export</c>.</summary>
public sealed record RecExportReport(string RunId, IReadOnlyList<string> Files);
