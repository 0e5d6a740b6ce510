namespace RecSaeExplorer.Engine.Runs.Maintenance;

/// <summary>A run that cannot be used, and why.</summary>
public sealed record LostRun(string Id, string Reason);

/// <summary>
/// What <see cref="StoreCheck"/> found: intact runs (document readable, weights whole and matching
/// their recorded size and checksum, SAE parents intact), lost runs, orphan weights and readable annotations.
/// </summary>
public sealed record StoreCheckReport
{
    public required string StorePath { get; init; }
    public int SchemaVersion { get; init; }

    /// <summary>Why the file does not open as a whole (cut short, a damaged page), or null.</summary>
    public string? Damage { get; init; }

    public required IReadOnlyList<RunInfo> Intact { get; init; }
    public required IReadOnlyList<LostRun> Lost { get; init; }

    /// <summary>Weights without a run document (a crash between the two; deleted by the next writer).</summary>
    public required IReadOnlyList<string> OrphanWeights { get; init; }

    /// <summary>Parts of the store that could only be read in part (e.g. "experiments: ...").</summary>
    public required IReadOnlyList<string> Unreadable { get; init; }

    public int NeuronNames { get; init; }
    public int Experiments { get; init; }

    /// <summary>Nothing lost, nothing unreadable, no orphans.</summary>
    public bool Healthy => Damage is null && Lost.Count == 0 && OrphanWeights.Count == 0 && Unreadable.Count == 0;
}
