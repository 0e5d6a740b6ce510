using System.Text.Json.Nodes;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>
/// The stored description of a trained model (a <em>run</em>); its weights live beside it in the
/// store. Generic over run kinds: <see cref="Config"/> and <see cref="Metrics"/> are JSON objects whose
/// shape the kind defines (see <see cref="RunStore"/>'s typed helpers).
/// </summary>
public sealed record RunInfo
{
    public required string Id { get; init; }

    /// <summary>"recommender", later "sae", ...</summary>
    public required string Kind { get; init; }

    /// <summary>Architecture within the kind, e.g. "mf" or "ncf".</summary>
    public required string Model { get; init; }

    public string Preset { get; init; } = "custom";
    public int Seed { get; init; }
    public required string DatasetName { get; init; }
    public required string DatasetFingerprint { get; init; }

    /// <summary>Seed of the dataset split the run was trained on (recreate it with <c>DatasetSplit.Create</c>).</summary>
    public int SplitSeed { get; init; }

    /// <summary>The run this one builds on (an SAE's recommender), if any.</summary>
    public string? ParentRunId { get; init; }

    public DateTime CreatedUtc { get; init; }
    public JsonObject Config { get; init; } = [];
    public JsonObject Metrics { get; init; } = [];
    public IReadOnlyList<double> EpochSeconds { get; init; } = [];
    public IReadOnlyList<double> EpochLosses { get; init; } = [];
    public double TotalSeconds { get; init; }

    /// <summary>Size of the stored weights; set by the store.</summary>
    public long WeightsBytes { get; init; }

    /// <summary>SHA-256 of the stored weights (hex), set by the store; null for runs stored before it was kept.</summary>
    public string? WeightsSha256 { get; init; }
}
