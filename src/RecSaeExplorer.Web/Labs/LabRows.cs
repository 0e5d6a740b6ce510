using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;

namespace RecSaeExplorer.Web.Labs;

/// <summary>One audience user in a lab table, with the fidelity guardrail beside the outcome.</summary>
/// <param name="Position">The user's position in the audience (index into the step's per-user arrays).</param>
public sealed record LabRow<T>(int Position, UserInfo User, T Outcome, double Rbo, bool Flagged);

public static class LabRows
{
    /// <summary>Promotion rows: reached users first, then by new rank, then by baseline rank.</summary>
    public static IReadOnlyList<LabRow<PromotionUser>> Of(ExploredSae sae, LabAudience audience, PromotionStep step, double threshold) =>
        step.Users.Select((u, p) => Row(sae, audience, p, u, threshold))
            .OrderByDescending(r => r.Outcome.Reached)
            .ThenBy(r => r.Outcome.NewRank ?? int.MaxValue)
            .ThenBy(r => r.Outcome.BaselineRank ?? int.MaxValue)
            .ThenBy(r => r.User.Id)
            .ToList();

    /// <summary>Shift rows: the largest drop (or rise) of the concept's share first.</summary>
    public static IReadOnlyList<LabRow<UserShift>> Of(ExploredSae sae, LabAudience audience, AudienceShift shift, double threshold) =>
        shift.Users.Select((u, p) => Row(sae, audience, p, u, threshold))
            .OrderByDescending(r => Math.Abs(r.Outcome.ShareAfter - r.Outcome.ShareBefore))
            .ThenBy(r => r.User.Id)
            .ToList();

    /// <summary>How many audience users the guardrail flags.</summary>
    public static int Flagged(LabAudience audience, double threshold) =>
        Enumerable.Range(0, audience.Count).Count(p => audience.IsFlagged(p, threshold));

    private static LabRow<T> Row<T>(ExploredSae sae, LabAudience audience, int position, T outcome, double threshold) =>
        new(position, sae.Dataset.Users[audience.Context.Users[position]], outcome, audience.Fidelity[position].Rbo, audience.IsFlagged(position, threshold));
}
