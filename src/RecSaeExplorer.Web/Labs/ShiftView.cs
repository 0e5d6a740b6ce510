using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;

namespace RecSaeExplorer.Web.Labs;

/// <summary>What the suppression and nudging lab shows for one level.</summary>
public sealed record ShiftView(string Concept, int Facet, ShiftSweep Curve, AudienceShift Shift, IReadOnlyList<LabRow<UserShift>> Rows,
    UserInfo? Chosen, UserShift? ChosenShift)
{
    /// <summary>Whether the guardrail's flagged users were left out of the shares, the curve and the table.</summary>
    public bool ExcludeFlagged { get; init; }

    /// <summary>Flagged users in the audience (left out of the counts when <see cref="ExcludeFlagged"/>).</summary>
    public int FlaggedCount { get; init; }

    public static ShiftView Of(ExploredSae sae, LabAudience audience, int facet, ShiftSweep curve, AudienceShift shift, int? userId, double threshold,
        bool excludeFlagged = false)
    {
        bool[] unflagged = audience.Unflagged(threshold);
        var rows = LabRows.Of(sae, audience, shift, threshold);
        if (excludeFlagged)
        {
            // Each user's lists are their own: the kept users' shares are recounted, nothing is re-ranked.
            rows = [.. rows.Where(r => !r.Flagged)];
            (curve, shift) = (curve.Among(unflagged), shift.Among(unflagged));
        }
        int? position = userId is { } id && sae.UserById(id) is { } user ? audience.PositionOf(user.Index) : null;
        // By default the user whose share moves most, i.e. the first row.
        var chosen = position is { } p ? rows.FirstOrDefault(r => r.Position == p) ?? rows.FirstOrDefault() : rows.FirstOrDefault();
        return new ShiftView(sae.Dataset.FacetNames[facet], facet, curve, shift, rows, chosen?.User, chosen?.Outcome)
        {
            ExcludeFlagged = excludeFlagged, FlaggedCount = unflagged.Count(u => !u),
        };
    }

    /// <summary>One line for the guided demo: the concept's share of the audience's top-30s before and at this level.</summary>
    public string Headline(string audience)
    {
        string level = Shift.Level.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        string verb = Shift.ShareAfter < Shift.ShareBefore ? "falls" : Shift.ShareAfter > Shift.ShareBefore ? "rises" : "stays";
        string kept = ExcludeFlagged ? $" ({FlaggedCount} flagged users left out)" : "";
        return $"Level {level}: {Concept}'s share of the top-30s of {audience}{kept} {verb} from {Shift.ShareBefore:0%} to {Shift.ShareAfter:0%}.";
    }

    /// <summary>
    /// The levels worth a curve: every grid level for small audiences, fewer for large ones, since each
    /// level re-ranks every item for every audience user (about 40,000 user re-ranks in all).
    /// </summary>
    public static IReadOnlyList<double> CurveLevels(IReadOnlyList<double> grid, int audienceSize, double current, int budget = 40_000)
    {
        int stride = Math.Max(1, (int)Math.Ceiling(audienceSize * (double)grid.Count / budget));
        return grid.Where((_, i) => i % stride == 0 || i == grid.Count - 1).Append(current).Distinct().Order().ToList();
    }
}
