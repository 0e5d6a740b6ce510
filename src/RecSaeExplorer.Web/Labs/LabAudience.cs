using RecSaeExplorer.Core.Interpretability;
using RecSaeExplorer.Engine.Interventions;

namespace RecSaeExplorer.Web.Labs;

/// <summary>
/// An audience ready for live interventions: its cached top-30 lists (<see cref="Context"/>) and, per
/// user, the fidelity guardrail: how well the SAE's reconstruction reproduces that user's list.
/// Position p of every per-user array is user <c>Context.Users[p]</c>.
/// </summary>
public sealed class LabAudience
{
    private readonly Dictionary<int, int> _positions;

    internal LabAudience(string spec, Audience audience, InterventionContext context, ListAgreement[] fidelity)
    {
        Spec = spec;
        Audience = audience;
        Context = context;
        Fidelity = fidelity;
        _positions = context.Users.Select((u, p) => (u, p)).ToDictionary(t => t.u, t => t.p);
    }

    public string Spec { get; }
    public Audience Audience { get; }
    public InterventionContext Context { get; }
    public ListAgreement[] Fidelity { get; }
    public int Count => Context.Users.Length;

    /// <summary>Position of a user (dense index) in the audience, or null when not a member.</summary>
    public int? PositionOf(int user) => _positions.TryGetValue(user, out int p) ? p : null;

    /// <summary>Whether user at <paramref name="position"/> is below the guardrail threshold.</summary>
    public bool IsFlagged(int position, double threshold) => Fidelity[position].Rbo < threshold;

    /// <summary>Per position, whether the guardrail trusts the user (RBO at or above <paramref name="threshold"/>).</summary>
    public bool[] Unflagged(double threshold) => [.. Enumerable.Range(0, Count).Select(p => !IsFlagged(p, threshold))];
}
