using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;

namespace RecSaeExplorer.Engine.Workflows.Requests;

/// <summary>
/// A recommender to train: a preset plus optional single-field overrides. <see cref="ToConfig"/> is
/// the one place overrides meet a preset, for the CLI, the explorer and the API alike.
/// </summary>
public sealed record RecommenderRequest(RecommenderModel Model, string Preset)
{
    public int Seed { get; init; } = WorkflowDefaults.RecommenderSeed;
    public int SplitSeed { get; init; } = WorkflowDefaults.SplitSeed;
    public int Threads { get; init; } = WorkflowDefaults.Threads;
    public string Device { get; init; } = WorkflowDefaults.Device;
    public int? Epochs { get; init; }
    public int? EmbeddingDim { get; init; }
    public int? BatchSize { get; init; }
    public int? Negatives { get; init; }
    public double? LearningRate { get; init; }
    public double? L2 { get; init; }
    public OptimizerKind? Optimizer { get; init; }

    /// <summary>
    /// The preset's config for <paramref name="datasetName"/> with the overrides applied. The stored
    /// preset name says what changed, so no run passes for the unmodified recipe: <c>paper-d64</c> for
    /// another dimension, <c>+custom</c> for any other field (seed, threads and device are not recipe).
    /// </summary>
    public RecommenderConfig ToConfig(string datasetName)
    {
        var preset = RecommenderPresets.Get(Preset, Model, datasetName);
        var config = preset with
        {
            Seed = Seed,
            Threads = Threads,
            Device = Device,
            Epochs = Epochs ?? preset.Epochs,
            BatchSize = BatchSize ?? preset.BatchSize,
            NegativesPerPositive = Negatives ?? preset.NegativesPerPositive,
            LearningRate = LearningRate ?? preset.LearningRate,
            L2 = L2 ?? preset.L2,
            Optimizer = Optimizer ?? preset.Optimizer,
        };
        string label = preset.Preset;
        if (EmbeddingDim is { } dim && dim != preset.EmbeddingDim)
        {
            config = config with { EmbeddingDim = dim };
            label += $"-d{dim}";
        }
        bool custom = config with { EmbeddingDim = preset.EmbeddingDim } != preset with { Seed = Seed, Threads = Threads, Device = Device };
        return config with { Preset = custom ? label + "+custom" : label };
    }
}
