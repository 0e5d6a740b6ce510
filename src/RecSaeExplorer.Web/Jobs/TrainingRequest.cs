using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Engine.Workflows.Requests;

namespace RecSaeExplorer.Web.Jobs;

/// <summary>What a training job should produce; the queue runs one at a time.</summary>
public abstract record TrainingRequest
{
    /// <summary>Set on the jobs the explorer enqueues by itself on a fresh store (the home page shows them).</summary>
    public bool IsDefaultRun { get; init; }

    /// <summary>Who queued it (the signed-in name); null for the explorer's own jobs. Analysts may cancel only their own.</summary>
    public string? Owner { get; init; }

    /// <summary>A one-line description for the jobs panel.</summary>
    public abstract string Title { get; }
}

/// <summary>Train a recommender with a preset; the optional fields override the preset (tests and quick looks).</summary>
public sealed record RecommenderTrainingRequest(string Dataset, RecommenderModel Model, string Preset, int Seed = WorkflowDefaults.RecommenderSeed) : TrainingRequest
{
    public int SplitSeed { get; init; } = WorkflowDefaults.SplitSeed;
    public int? Epochs { get; init; }
    public int? EmbeddingDim { get; init; }
    public int? BatchSize { get; init; }

    public RecommenderRequest ToWorkflowRequest() => new(Model, Preset)
    {
        Seed = Seed, SplitSeed = SplitSeed, Epochs = Epochs, EmbeddingDim = EmbeddingDim, BatchSize = BatchSize,
    };

    public override string Title => $"{Model.Name().ToUpperInvariant()} ({Preset}) on {Dataset}, seed {Seed}";
}

/// <summary>
/// Train an SAE on a stored recommender run. A null <see cref="RecommenderRunId"/> means the newest
/// recommender run of <see cref="Dataset"/> when the job starts (<see cref="RecommenderChoice"/>) (so it can follow a recommender job
/// queued just before it). A null <see cref="Beta"/> keeps the preset's β.
/// </summary>
public sealed record SaeTrainingRequest(string Dataset, string? RecommenderRunId, string Preset, double? Beta, int Seed = WorkflowDefaults.SaeSeed) : TrainingRequest
{
    public int? Steps { get; init; }

    public SaeRequest ToWorkflowRequest() => new(Preset) { Seed = Seed, Overrides = new SaeOverrides { Beta = Beta, Steps = Steps } };

    public override string Title =>
        $"SAE ({Preset}{(Beta is { } b ? $", β = {b:G}" : "")}) on {RecommenderRunId ?? $"the newest {Dataset} recommender"}";
}

/// <summary>A training an earlier explorer process started and did not finish (see <see cref="TrainingJournal"/>).</summary>
public sealed record InterruptedTrainingRequest(string RecordedTitle) : TrainingRequest
{
    public override string Title => RecordedTitle;
}
