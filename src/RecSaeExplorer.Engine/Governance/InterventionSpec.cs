using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecSaeExplorer.Engine.Governance;

/// <summary>
/// An approved edit as a production system applies it: which model (run ids and SHA-256 of both weight
/// files), which latent edit on which item for which audience, and what the explorer measured (reach,
/// guardrail flags, pushed-out items), with who approved it.
/// </summary>
public sealed record InterventionSpec
{
    public const string CurrentVersion = "recsae-intervention/1";

    public string Version { get; init; } = CurrentVersion;
    public required string ProposalId { get; init; }
    public required string Kind { get; init; }
    public required string Dataset { get; init; }
    public required SpecModel Sae { get; init; }
    public required SpecModel Recommender { get; init; }
    public int? ItemId { get; init; }
    public string? ItemTitle { get; init; }
    public required int Neuron { get; init; }
    public required string NeuronLabel { get; init; }
    public required string Mode { get; init; }
    public required double Level { get; init; }
    public required SpecAudience Audience { get; init; }
    public int? Reached { get; init; }
    public int? Eligible { get; init; }
    public double? ShareBefore { get; init; }
    public double? ShareAfter { get; init; }
    public required int GuardrailFlagged { get; init; }
    public required IReadOnlyList<int> PushedOutItems { get; init; }
    public required string Author { get; init; }
    public required string Submitter { get; init; }
    public required string Approver { get; init; }
    public required DateTime ApprovedUtc { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses a spec; throws <see cref="FormatException"/> for anything that is not one.</summary>
    public static InterventionSpec Parse(string json)
    {
        try
        {
            var spec = JsonSerializer.Deserialize<InterventionSpec>(json, Json) ?? throw new FormatException("Empty spec.");
            if (spec.Version != CurrentVersion) throw new FormatException($"Unknown spec version '{spec.Version}'.");
            return spec;
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not an intervention spec: {e.Message}", e);
        }
    }
}

public sealed record SpecModel(string RunId, string WeightsSha256);

public sealed record SpecAudience(string Spec, string Description, int Size);
