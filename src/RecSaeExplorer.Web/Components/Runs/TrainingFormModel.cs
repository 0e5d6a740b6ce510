using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Engine.Workflows.Requests;
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
    /// <summary>Seed of the run; the kind's default until a person types one (recommenders and SAEs default differently).</summary>
    public int? Seed { get; set; }

    public int EffectiveSeed => Seed ?? (Kind == TrainingKind.Recommender ? WorkflowDefaults.RecommenderSeed : WorkflowDefaults.SaeSeed);

    /// <summary>The recommender run an SAE is trained on.</summary>
    public string? ParentRunId { get; set; }
    /// <summary>compact by default (docs/decisions.md: measured against topk on ml-latest-small).</summary>
    public string SaePreset { get; set; } = SaePresets.Compact;

    /// <summary>β of one SAE; null keeps the preset's.</summary>
    public double? Beta { get; set; }

    /// <summary>β values of a sweep, e.g. "0, 1, 2, 5, 10" (the paper's).</summary>
    public string SweepBetas { get; set; } = string.Join(", ", WorkflowDefaults.SweepBetas);

    /// <summary>The β values of <see cref="SweepBetas"/> by the CLI's rule (<see cref="BetaList"/>); null when they do not parse.</summary>
    public IReadOnlyList<double>? ParsedSweepBetas() => BetaList.TryParse(SweepBetas);

    /// <summary>One request per job: a sweep is one SAE job per β, run one after the other.</summary>
    public IReadOnlyList<TrainingRequest> ToRequests() => Kind switch
    {
        TrainingKind.Recommender => [new RecommenderTrainingRequest(Dataset, Model, RecommenderPreset, EffectiveSeed)],
        TrainingKind.Sae => [new SaeTrainingRequest(Dataset, ParentRunId, SaePreset, Beta, EffectiveSeed)],
        _ => (ParsedSweepBetas() ?? []).Select(b => (TrainingRequest)new SaeTrainingRequest(Dataset, ParentRunId, SaePreset, b, EffectiveSeed)).ToList(),
    };
}
