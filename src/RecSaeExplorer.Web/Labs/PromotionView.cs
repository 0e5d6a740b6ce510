using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Engine.Recommenders.Ranking;

namespace RecSaeExplorer.Web.Labs;

/// <summary>What the promotion lab shows for one level: the sweep, this level's step, the table rows and the chosen user's lists.</summary>
public sealed record PromotionView(ItemInfo Item, DoseResponse Sweep, PromotionStep Step, IReadOnlyList<LabRow<PromotionUser>> Rows,
    UserInfo? Chosen, TopList? Before, TopList? After)
{
    public static PromotionView Of(ExploredSae sae, LabAudience audience, ItemInfo item, DoseResponse sweep, PromotionStep step, int? userId, double threshold)
    {
        var rows = LabRows.Of(sae, audience, step, threshold);
        int? position = userId is { } id && sae.UserById(id) is { } user ? audience.PositionOf(user.Index) : null;
        position ??= DefaultPosition(sweep);
        if (position is not { } p) return new PromotionView(item, sweep, step, rows, null, null, null);
        return new PromotionView(item, sweep, step, rows, sae.Dataset.Users[audience.Context.Users[p]],
            audience.Context.Baseline[p], LabService.ListAfter(audience, p, item.Index, step));
    }

    // The first user the strongest level reaches, so their list visibly changes somewhere along the slider.
    private static int? DefaultPosition(DoseResponse sweep)
    {
        if (sweep.Steps.Count == 0 || sweep.Steps[^1].Users.Count == 0) return null;
        var strongest = sweep.Steps[^1].Users;
        for (int p = 0; p < strongest.Count; p++) if (strongest[p].Reached) return p;
        return 0;
    }
}
