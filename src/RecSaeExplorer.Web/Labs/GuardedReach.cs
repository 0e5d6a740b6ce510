using RecSaeExplorer.Engine.Interventions;

namespace RecSaeExplorer.Web.Labs;

/// <summary>
/// A promotion step's reach counted over part of the audience (all users, or only those the fidelity guardrail
/// trusts). Each user's outcome depends only on their own re-scored item, so dropping flagged users is exact:
/// the step need not be recomputed, only recounted.
/// </summary>
public sealed record GuardedReach(int Users, int Eligible, int Reached, int ReachedResearch, IReadOnlyList<Collateral> Collateral)
{
    public double Share => Eligible == 0 ? 0 : Reached / (double)Eligible;

    /// <summary>Counts <paramref name="step"/> over the positions <paramref name="include"/> keeps (null keeps all).</summary>
    public static GuardedReach Of(PromotionStep step, IReadOnlyList<bool>? include)
    {
        var users = step.Users.Where((_, p) => include is null || include[p]).ToList();
        var collateral = users.Where(u => u.PushedOut is not null).GroupBy(u => u.PushedOut!.Value)
            .Select(g => new Collateral(g.Key, g.Count())).OrderByDescending(c => c.Users).ThenBy(c => c.Item).ToList();
        return new GuardedReach(users.Count, users.Count(u => !u.Excluded && u.BaselineRank is null), users.Count(u => u.Reached),
            users.Count(u => u.ReachedResearch), collateral);
    }

    /// <summary>The smallest level of <paramref name="sweep"/> whose reach over the kept users is at least its target share.</summary>
    public static double? MinimumLevel(DoseResponse sweep, IReadOnlyList<bool>? include) =>
        sweep.Steps.Select(s => (s.Level, Reach: Of(s, include))).Where(t => t.Reach.Share >= sweep.TargetShare)
            .Select(t => (double?)t.Level).Min();
}
