namespace RecSaeExplorer.Engine.Interventions;

/// <summary>One user's top list before and after editing their code, and the concept's share of each.</summary>
public sealed record UserShift(int User, double ShareBefore, double ShareAfter, IReadOnlyList<int> Before, IReadOnlyList<int> After);

/// <summary>
/// A nudge or suppression of an audience's user codes. Shares are pooled: concept items over all listed
/// slots of the audience's top-30 lists. <see cref="Removed"/> counts the items that left lists,
/// <see cref="Added"/> those that entered.
/// </summary>
public sealed record AudienceShift(double Level, double ShareBefore, double ShareAfter, IReadOnlyList<UserShift> Users,
    IReadOnlyList<Collateral> Removed, IReadOnlyList<Collateral> Added)
{
    /// <summary>Relative change of the share, e.g. −0.8 for a suppression that removed 80% of it (0 when there was none).</summary>
    public double RelativeChange => ShareBefore == 0 ? 0 : (ShareAfter - ShareBefore) / ShareBefore;

    /// <summary>
    /// The shift counted over the users <paramref name="keep"/> marks (by audience position), e.g. those the fidelity
    /// guardrail trusts. Each user's lists are their own, so dropping users is exact: nothing is re-ranked.
    /// </summary>
    public AudienceShift Among(IReadOnlyList<bool> keep)
    {
        if (keep.Count != Users.Count) throw new ArgumentException($"Give one flag per audience user ({Users.Count}).", nameof(keep));
        var kept = Users.Where((_, p) => keep[p]).ToList();
        return new AudienceShift(Level, Pooled(kept, u => (u.ShareBefore, u.Before.Count)), Pooled(kept, u => (u.ShareAfter, u.After.Count)), kept,
            UserIntervention.Count(kept.SelectMany(u => u.Before.Except(u.After))), UserIntervention.Count(kept.SelectMany(u => u.After.Except(u.Before))));
    }

    // A user's share times their list length is their count of concept items (at most 30, so the product is exact after rounding).
    private static double Pooled(IReadOnlyList<UserShift> users, Func<UserShift, (double Share, int Count)> list)
    {
        double hits = 0, total = 0;
        foreach (var (share, count) in users.Select(list))
        {
            hits += Math.Round(share * count);
            total += count;
        }
        return total == 0 ? 0 : hits / total;
    }
}

/// <summary>
/// User nudging and suppression (METHOD.md §6): edit z_u (or the items' codes), decode, re-rank all items.
/// </summary>
public static class UserIntervention
{
    /// <param name="concept">Whether an item carries the concept whose share is measured (e.g. a facet).</param>
    /// <param name="target">Whose codes the edit changes; the audience's lists are measured either way.</param>
    public static AudienceShift Apply(InterventionContext context, LatentEdit edit, Func<int, bool> concept, CancellationToken ct = default,
        EditTarget target = EditTarget.Users)
    {
        var after = context.Rerank(edit, target, ct);
        var users = new UserShift[after.Length];
        for (int p = 0; p < after.Length; p++)
        {
            var before = context.Baseline[p].Items;
            users[p] = new UserShift(context.Users[p], Share(before, concept), Share(after[p].Items, concept), before, after[p].Items);
        }
        return new AudienceShift(edit.Level, Pooled(context.Baseline.Select(b => b.Items), concept), Pooled(after.Select(a => a.Items), concept),
            users, Count(users.SelectMany(u => u.Before.Except(u.After))), Count(users.SelectMany(u => u.After.Except(u.Before))));
    }

    /// <summary>The edit at each of <paramref name="levels"/> (its own level ignored).</summary>
    public static ShiftSweep Sweep(InterventionContext context, LatentEdit edit, IReadOnlyList<double> levels, Func<int, bool> concept,
        double targetCut = 0.8, CancellationToken ct = default, EditTarget target = EditTarget.Users) =>
        new(levels.Select(level => Apply(context, edit.WithLevel(level), concept, ct, target)).ToList(), targetCut);

    /// <summary>Suppression: z_k ≤ <paramref name="level"/> (default 0) on the audience's user codes (or the items').</summary>
    public static AudienceShift Suppress(InterventionContext context, IReadOnlyList<int> neurons, Func<int, bool> concept, double level = 0,
        CancellationToken ct = default, EditTarget target = EditTarget.Users) => Apply(context, LatentEdit.Suppress(neurons, level), concept, ct, target);

    private static double Share(IReadOnlyList<int> items, Func<int, bool> concept) =>
        items.Count == 0 ? 0 : items.Count(concept) / (double)items.Count;

    private static double Pooled(IEnumerable<int[]> lists, Func<int, bool> concept)
    {
        int hits = 0, total = 0;
        foreach (var list in lists)
        {
            hits += list.Count(concept);
            total += list.Length;
        }
        return total == 0 ? 0 : hits / (double)total;
    }

    internal static IReadOnlyList<Collateral> Count(IEnumerable<int> items) =>
        items.GroupBy(i => i).Select(g => new Collateral(g.Key, g.Count())).OrderByDescending(c => c.Users).ThenBy(c => c.Item).ToList();
}
