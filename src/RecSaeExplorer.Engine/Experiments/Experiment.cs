namespace RecSaeExplorer.Engine.Experiments;

/// <summary>What an experiment edited: an item's code (promotion) or the audience's user codes.</summary>
public enum ExperimentKind
{
    Promote,
    Suppress,
    Nudge,
}

/// <summary>
/// One saved intervention in the audit log: what was edited, for whom, what it did, who saved it and
/// why. Items and users are dataset ids (stable across loads), not dense indices. <see cref="State"/> is
/// the lab's query string, so the experiment reopens exactly as it was saved.
/// </summary>
public sealed record Experiment
{
    public required string Id { get; init; }
    public required string RunId { get; init; }
    public required string DatasetName { get; init; }
    public required ExperimentKind Kind { get; init; }

    /// <summary>The promoted item (promotions only).</summary>
    public int? ItemId { get; init; }
    public string? ItemTitle { get; init; }

    public required int Neuron { get; init; }
    public required string NeuronLabel { get; init; }
    public required double Level { get; init; }
    public required string Mode { get; init; }

    /// <summary>The audience spec (see <c>Audience.Parse</c>) and what it resolved to.</summary>
    public required string Audience { get; init; }
    public required string AudienceDescription { get; init; }
    public required int AudienceSize { get; init; }

    /// <summary>Promotions: users reached and users eligible (the item not listed before, not a training positive).</summary>
    public int? Reached { get; init; }
    public int? Eligible { get; init; }

    /// <summary>
    /// The fidelity guardrail: audience users whose reconstruction RBO is below <see cref="GuardrailThreshold"/>, and
    /// (promotions) the reach counted over the others only. Null on experiments saved before these were recorded.
    /// </summary>
    public int? GuardrailFlagged { get; init; }
    public double? GuardrailThreshold { get; init; }
    public int? ReachedUnflagged { get; init; }
    public int? EligibleUnflagged { get; init; }

    /// <summary>Promotions: the smallest level of the sweep reaching half the eligible users (null when none does).</summary>
    public double? MinimumLevel { get; init; }

    /// <summary>Promotions: dataset ids of the items pushed out of audience top-30s, most affected first.</summary>
    public IReadOnlyList<int>? PushedOut { get; init; }

    /// <summary>
    /// The curve the lab showed: promotions' reach at every level of the sweep (all users and unflagged), suppressions'
    /// and nudges' concept share at every computed level. Null on experiments saved before it was recorded.
    /// </summary>
    public IReadOnlyList<DosePoint>? DoseCurve { get; init; }

    /// <summary>The absolute address that reopens the lab as saved.</summary>
    public string? Link { get; init; }

    /// <summary>Nudges and suppressions: the concept's pooled share of the audience's top lists.</summary>
    public double? ShareBefore { get; init; }
    public double? ShareAfter { get; init; }

    /// <summary>A one-line result a person reads in the log, e.g. "reached 31 of 48 (65%)".</summary>
    public required string Summary { get; init; }

    public required string Author { get; init; }
    public string Note { get; init; } = "";
    public required DateTime CreatedUtc { get; init; }
    public required string State { get; init; }

    public double? ReachShare => Reached is { } r && Eligible is > 0 ? r / (double)Eligible.Value : null;
}
