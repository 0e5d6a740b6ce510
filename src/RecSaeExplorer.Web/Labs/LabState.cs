using System.Globalization;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Validation;

namespace RecSaeExplorer.Web.Labs;

/// <summary>
/// Everything a lab shows, as it travels in the URL: a link reopens the same run, item, neuron, level,
/// mode, audience and chosen user. Items and users are dataset ids, so links survive reloads.
/// </summary>
public sealed record LabState
{
    public const string DefaultAudience = "test";

    /// <summary>The query key of the guided demo ("play=1" runs the slider from 0 to the top on arrival); not part of the state.</summary>
    public const string PlayKey = "play";

    public string? Run { get; init; }
    public int? Item { get; init; }
    public int? Neuron { get; init; }
    public double Level { get; init; }
    public EditMode Mode { get; init; } = EditMode.Set;
    public string Audience { get; init; } = DefaultAudience;
    public int? User { get; init; }

    /// <summary>The users lab's measured concept (a facet name).</summary>
    public string? Concept { get; init; }

    /// <summary>Leave users the fidelity guardrail flags out of the audience (query "flagged=exclude").</summary>
    public bool ExcludeFlagged { get; init; }

    /// <summary>Why a value of the link could not be used (e.g. "item 'abc' is not a valid id …"), or null; never part of the query.</summary>
    public string? LinkError { get; init; }

    /// <summary>The query string (without '?') carrying this state; empty values are left out.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        Add("run", Run);
        Add("item", Item?.ToString(CultureInfo.InvariantCulture));
        Add("neuron", Neuron?.ToString(CultureInfo.InvariantCulture));
        Add("level", Level.ToString("R", CultureInfo.InvariantCulture));
        Add("mode", ModeName(Mode));
        Add("audience", Audience);
        Add("user", User?.ToString(CultureInfo.InvariantCulture));
        Add("concept", Concept);
        Add("flagged", ExcludeFlagged ? "exclude" : null);
        return string.Join('&', parts);

        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
    }

    /// <summary>The state from query values as <c>[SupplyParameterFromQuery]</c> hands them over (unknown modes fall back to set).</summary>
    /// Ids arrive as text: "item=abc" or "item=99999999999" must become a message naming the value, not a failed request.
    public static LabState From(string? run, string? item, string? neuron, string? level, string? mode, string? audience, string? user, string? concept,
        string? flagged = null)
    {
        var errors = new List<string>();
        return new LabState
        {
            Run = Blank(run),
            Item = Id(item, "item"),
            Neuron = Id(neuron, "neuron"),
            Level = double.TryParse(level, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : 0,
            Mode = ParseMode(mode),
            Audience = Blank(audience) ?? DefaultAudience,
            User = Id(user, "user"),
            Concept = Blank(concept),
            ExcludeFlagged = string.Equals(flagged?.Trim(), "exclude", StringComparison.OrdinalIgnoreCase),
            LinkError = errors.Count > 0 ? string.Join(" ", errors) : null,
        };

        int? Id(string? text, string name)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            try
            {
                return InputBounds.Id(text.Trim(), name);
            }
            catch (BoundsException e)
            {
                errors.Add(e.Message);
                return null;
            }
        }
    }

    public static string ModeName(EditMode mode) => mode.ToString().ToLowerInvariant();

    public static EditMode ParseMode(string? mode) => Enum.TryParse<EditMode>(mode, ignoreCase: true, out var m) && Enum.IsDefined(m) ? m : EditMode.Set;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
