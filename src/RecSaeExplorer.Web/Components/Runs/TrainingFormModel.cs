using System.Globalization;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Web.Jobs;

namespace RecSaeExplorer.Web.Components.Runs;

public enum TrainingKind { Recommender, Sae, BetaSweep }

/// <summary>What the "New training" form edits; <see cref="ToRequests"/> turns it into queue requests.</summary>
public sealed class TrainingFormModel
{
    public TrainingKind Kind { get; set; } = TrainingKind.Recommender;
    public string Dataset { get; set; } = "";
    public RecommenderModel Model { get; set; } = RecommenderModel.Mf;
    public string RecommenderPreset { get; set; } = RecommenderPresets.Tuned;
    public int Seed { get; set; } = 42;

    /// <summary>The recommender run an SAE is trained on.</summary>
    public string? ParentRunId { get; set; }
    /// <summary>compact by default (docs/decisions.md: measured against topk on ml-latest-small).</summary>
    public string SaePreset { get; set; } = SaePresets.Compact;

    /// <summary>β of one SAE; null keeps the preset's.</summary>
    public double? Beta { get; set; }

    /// <summary>β values of a sweep, e.g. "0, 1, 2, 5, 10" (the paper's).</summary>
    public string SweepBetas { get; set; } = "0, 1, 2, 5, 10";

    /// <summary>The β values of <see cref="SweepBetas"/>; null when one does not parse.</summary>
    public IReadOnlyList<double>? ParsedSweepBetas()
    {
        var values = new List<double>();
        foreach (string part in SweepBetas.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double beta) || beta < 0) return null;
            values.Add(beta);
        }
        return values.Count == 0 ? null : values.Distinct().ToList();
    }

    /// <summary>One request per job: a sweep is one SAE job per β, run one after the other.</summary>
    public IReadOnlyList<TrainingRequest> ToRequests() => Kind switch
    {
        TrainingKind.Recommender => [new RecommenderTrainingRequest(Dataset, Model, RecommenderPreset, Seed)],
        TrainingKind.Sae => [new SaeTrainingRequest(Dataset, ParentRunId, SaePreset, Beta, Seed)],
        _ => (ParsedSweepBetas() ?? []).Select(b => (TrainingRequest)new SaeTrainingRequest(Dataset, ParentRunId, SaePreset, b, Seed)).ToList(),
    };
}
