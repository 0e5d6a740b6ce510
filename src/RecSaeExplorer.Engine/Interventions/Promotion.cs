using RecSaeExplorer.Engine.Recommenders.Ranking;
namespace RecSaeExplorer.Engine.Interventions;

/// <summary>One audience user's outcome. Ranks are 1-based; null = beyond the list depth (30).</summary>
/// <param name="Excluded">The item is a training positive of the user: never recommended, so never reached.</param>
/// <param name="Reached">Not in the baseline top-30, in it after the edit.</param>
/// <param name="ReachedResearch">The research code's count: baseline rank &gt; 20 and new rank ≤ 30.</param>
/// <param name="PushedOut">The item that fell off the user's top-30 to make room, if any.</param>
public sealed record PromotionUser(int User, int? BaselineRank, int? NewRank, bool Excluded, bool Reached, bool ReachedResearch, int? PushedOut);

/// <summary>How many audience lists an item lost its place in.</summary>
public sealed record Collateral(int Item, int Users);

/// <summary>
/// One level of a promotion. <see cref="ReachShare"/> = reached ÷ eligible, where eligible users neither
/// had the item in their baseline top-30 nor have it as a training positive.
/// </summary>
/// <param name="Scores">The edited item's logit for each audience user (audience order).</param>
public sealed record PromotionStep(double Level, IReadOnlyList<PromotionUser> Users, int Eligible, int Reached, int ReachedResearch,
    IReadOnlyList<Collateral> Collateral, IReadOnlyList<float> Scores)
{
    public double ReachShare => Eligible == 0 ? 0 : Reached / (double)Eligible;
}

/// <summary>A level sweep and the smallest level whose reach share is at least <see cref="TargetShare"/> (null when none).</summary>
public sealed record DoseResponse(int Item, IReadOnlyList<PromotionStep> Steps, double TargetShare, double? MinimumLevel);

/// <summary>Promotion of an item through a neuron (METHOD.md §6), scored against a cached audience.</summary>
public static class Promotion
{
    /// <summary>Edits the item's code, decodes, re-scores it for every audience user and inserts it into the cached lists.</summary>
    public static PromotionStep Step(InterventionContext context, int item, LatentEdit edit)
    {
        float[] scores;
        using (var embedding = context.EditItem(item, edit)) scores = context.ScoreItem(item, embedding);
        var users = new PromotionUser[context.Users.Length];
        for (int p = 0; p < users.Length; p++) users[p] = Outcome(context, p, item, scores[p]);
        return Summarize(edit.Level, users, scores);
    }

    /// <summary>The user's full new top list after the step (an insertion into the cached one).</summary>
    public static TopList NewList(InterventionContext context, int position, int item, float score) =>
        context.Train.Contains(context.Users[position], item) ? context.Baseline[position] : context.Extended[position].WithScore(item, score, context.Depth);

    public static DoseResponse Sweep(InterventionContext context, int item, LatentEdit edit, IEnumerable<double> levels, double targetShare = 0.5)
    {
        var steps = levels.Select(level => Step(context, item, edit.WithLevel(level))).ToList();
        double? minimum = steps.Where(s => s.ReachShare >= targetShare).Select(s => (double?)s.Level).Min();
        return new DoseResponse(item, steps, targetShare, minimum);
    }

    private static PromotionUser Outcome(InterventionContext context, int position, int item, float score)
    {
        int user = context.Users[position];
        var baseline = context.Baseline[position];
        int? before = baseline.RankOf(item);
        if (context.Train.Contains(user, item)) return new PromotionUser(user, null, null, true, false, false, null);
        // Fast path: below the cached cut-off and not listed before, so it is still not listed.
        if (before is null && score <= baseline.Cutoff(context.Depth)) return new PromotionUser(user, null, null, false, false, false, null);
        var after = context.Extended[position].WithScore(item, score, context.Depth);
        int? now = after.RankOf(item);
        int? pushed = before is null && now is not null && baseline.Items.Length >= context.Depth ? baseline.Items[^1] : null;
        return new PromotionUser(user, before, now, false, before is null && now is not null, (before ?? int.MaxValue) > 20 && now is not null, pushed);
    }

    private static PromotionStep Summarize(double level, PromotionUser[] users, float[] scores)
    {
        int eligible = users.Count(u => !u.Excluded && u.BaselineRank is null);
        var collateral = users.Where(u => u.PushedOut is not null).GroupBy(u => u.PushedOut!.Value)
            .Select(g => new Collateral(g.Key, g.Count())).OrderByDescending(c => c.Users).ThenBy(c => c.Item).ToList();
        return new PromotionStep(level, users, eligible, users.Count(u => u.Reached), users.Count(u => u.ReachedResearch), collateral, scores);
    }
}
