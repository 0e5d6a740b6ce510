using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;

namespace RecSaeExplorer.Engine.Workflows.Requests;

/// <summary>An SAE to train on a frozen recommender: a preset, a seed and optional overrides.</summary>
public sealed record SaeRequest(string Preset)
{
    public int Seed { get; init; } = WorkflowDefaults.SaeSeed;
    public int Threads { get; init; } = WorkflowDefaults.Threads;
    public SaeOverrides Overrides { get; init; } = SaeOverrides.None;

    /// <summary>The preset for this recommender with seed, threads and overrides applied (validated).</summary>
    public SaeConfig ToConfig(RecommenderModel model, int inputDim) =>
        Overrides.ApplyTo(SaePresets.Get(Preset, model, inputDim) with { Seed = Seed, Threads = Threads });
}
