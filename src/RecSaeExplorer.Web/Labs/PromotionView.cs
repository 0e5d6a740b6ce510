using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Engine.Recommenders.Ranking;

namespace RecSaeExplorer.Web.Labs;

/// <summary>
/// What the promotion lab shows for one level: the sweep, this level's step, its reach over all users and over the
/// users the guardrail trusts, the table rows and the chosen user's lists. With <see cref="ExcludeFlagged"/> the
/// flagged users leave the audience: the headline reach, the curve, the collateral and the table count only the others.
/// </summary>
public sealed record PromotionView(ItemInfo Item, DoseResponse Sweep, PromotionStep Step, IReadOnlyList<LabRow<PromotionUser>> Rows,
    UserInfo? Chosen, TopList? Before, TopList? After)
{
    public bool ExcludeFlagged { get; init; }
    public double Threshold { get; init; }

    /// <summary>Per audience position, whether the guardrail trusts the user.</summary>
    public IReadOnlyList<bool> Unflagged { get; init; } = [];

    public GuardedReach All { get; init; } = null!;
    public GuardedReach Trusted { get; init; } = null!;

    /// <summary>The reach the headline shows: over the kept audience.</summary>
    public GuardedReach Shown => ExcludeFlagged ? Trusted : All;

    /// <summary>The chosen user's guardrail row (null when no user is chosen).</summary>
    public LabRow<PromotionUser>? ChosenRow { get; init; }

    public int FlaggedCount => Unflagged.Count(u => !u);

    /// <summary>
    /// The dose curve: reach at every level of the sweep over all users and over the unflagged ones. What the lab
    /// draws and what a saved experiment keeps, from one computation.
    /// </summary>
    public IReadOnlyList<(double Level, GuardedReach All, GuardedReach Trusted)> Curve() =>
        [.. Sweep.Steps.Select(s => (s.Level, GuardedReach.Of(s, null), GuardedReach.Of(s, Unflagged)))];

    /// <summary>The smallest level reaching the target share of the kept audience's eligible users.</summary>
    public double? MinimumLevel => GuardedReach.MinimumLevel(Sweep, ExcludeFlagged ? Unflagged : null);

    /// <summary>
    /// One line for the guided demo, from this level's step of the sweep (the dose curve's point): its reach over
    /// the kept audience and how many of the reached users the guardrail flags.
    /// </summary>
    public string Headline(string audience)
    {
        string level = Step.Level.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        if (ExcludeFlagged)
            return $"Level {level} reaches {Trusted.Reached} of {Trusted.Eligible} eligible unflagged users ({Trusted.Share:0%}) of {audience}; "
                + $"{FlaggedCount} flagged users are left out.";
        int flaggedReached = All.Reached - Trusted.Reached;
        return $"Level {level} reaches {All.Reached} of {All.Eligible} eligible users ({All.Share:0%}) of {audience}; "
            + $"{flaggedReached} of them {(flaggedReached == 1 ? "is" : "are")} flagged by the guardrail.";
    }

    public static PromotionView Of(ExploredSae sae, LabAudience audience, ItemInfo item, DoseResponse sweep, PromotionStep step, int? userId,
        double threshold, bool excludeFlagged = false)
    {
        bool[] unflagged = audience.Unflagged(threshold);
        var rows = LabRows.Of(sae, audience, step, threshold);
        var allRows = rows;
        if (excludeFlagged) rows = [.. rows.Where(r => !r.Flagged)];
        int? position = userId is { } id && sae.UserById(id) is { } user ? audience.PositionOf(user.Index) : null;
        position ??= DefaultPosition(sweep, excludeFlagged ? unflagged : null);
        var view = new PromotionView(item, sweep, step, rows, null, null, null)
        {
            ExcludeFlagged = excludeFlagged, Threshold = threshold, Unflagged = unflagged,
            All = GuardedReach.Of(step, null), Trusted = GuardedReach.Of(step, unflagged),
        };
        if (position is not { } p) return view;
        return view with
        {
            Chosen = sae.Dataset.Users[audience.Context.Users[p]], Before = audience.Context.Baseline[p],
            After = LabService.ListAfter(audience, p, item.Index, step), ChosenRow = allRows.FirstOrDefault(r => r.Position == p),
        };
    }

    // The first (kept) user the strongest level reaches, so their list visibly changes somewhere along the slider.
    private static int? DefaultPosition(DoseResponse sweep, bool[]? include)
    {
        if (sweep.Steps.Count == 0 || sweep.Steps[^1].Users.Count == 0) return null;
        var strongest = sweep.Steps[^1].Users;
        int? firstKept = null;
        for (int p = 0; p < strongest.Count; p++)
        {
            if (include is not null && !include[p]) continue;
            firstKept ??= p;
            if (strongest[p].Reached) return p;
        }
        return firstKept ?? 0;
    }
}
