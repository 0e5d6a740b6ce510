using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Torch;

namespace RecSaeExplorer.Engine.Explanations;

/// <summary>The smallest promotion level of one neuron that lists the item, and the rank it then gets.</summary>
public sealed record NeuronPush(int Neuron, double Level, int Rank);

/// <summary>
/// Why an item is not in a user's top list and what would put it there.
/// <see cref="Gap"/> = the depth-th listed score − the item's score (how far the logit must rise).
/// </summary>
/// <param name="Rank">The item's 1-based rank among the user's unseen items; null for a training positive.</param>
/// <param name="Best">The neuron needing the smallest level, or null when no neuron lists the item within its levels.</param>
public sealed record WhyNotAnswer(int User, int Item, int Depth, bool Consumed, int? Rank, double Score, double Cutoff, NeuronPush? Best)
{
    public double Gap => Cutoff - Score;
    public bool Listed => Rank is { } r && r <= Depth;
}

/// <summary>
/// "Why not": the promotion lab's single-user question. For each neuron, <see cref="Promotion.Step"/> (set z_k = level
/// in the item's code, residual kept) is searched over that neuron's level grid by bisection for the first level
/// that lists the item; the neuron needing the smallest level wins. Bisection assumes the item's rank improves with
/// the level, which holds for MF (the score is linear in z_k); for NCF the answer is a level that lists the item
/// with the grid step below it not listing it. Call through the run's <see cref="TorchExecutor"/> gate.
/// </summary>
public static class WhyNot
{
    /// <param name="levelsOf">Each neuron's ascending level grid (the lab's slider levels); an empty grid skips the neuron.</param>
    public static WhyNotAnswer Explain(IRecommender recommender, SparseAutoencoder sae, InteractionMatrix train, int user, int item,
        Func<int, IReadOnlyList<double>> levelsOf, int depth = 30, CancellationToken ct = default)
    {
        using var context = new InterventionContext(recommender, sae, train, [user], depth, ct: ct);
        var (score, rank) = Standing(context, user, item);
        var list = context.Baseline[0];
        var answer = new WhyNotAnswer(user, item, depth, rank is null, rank, score, list.Cutoff(depth), null);
        if (answer.Consumed || answer.Listed) return answer;
        NeuronPush? best = null;
        for (int k = 0; k < sae.Width; k++)
        {
            ct.ThrowIfCancellationRequested();
            if (Smallest(context, item, k, levelsOf(k)) is { } push && (best is null || push.Level < best.Level)) best = push;
        }
        return answer with { Best = best };
    }

    /// <summary>The first grid level at which the item is listed (bisection; null when even the top level fails).</summary>
    public static NeuronPush? Smallest(InterventionContext context, int item, int neuron, IReadOnlyList<double> levels)
    {
        if (levels.Count == 0 || RankAt(context, item, neuron, levels[^1]) is null) return null;
        if (RankAt(context, item, neuron, levels[0]) is { } first) return new NeuronPush(neuron, levels[0], first);
        int lo = 0, hi = levels.Count - 1; // invariant: not listed at lo, listed at hi
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (RankAt(context, item, neuron, levels[mid]) is null) lo = mid;
            else hi = mid;
        }
        return new NeuronPush(neuron, levels[hi], RankAt(context, item, neuron, levels[hi])!.Value);
    }

    /// <summary>The item's rank in the context's first user's list with z_k set to <paramref name="level"/>, or null when it is not listed.</summary>
    public static int? RankAt(InterventionContext context, int item, int neuron, double level) =>
        Promotion.Step(context, item, new LatentEdit([neuron], level, EditMode.Set)).Users[0].NewRank;

    /// <summary>The item's logit and its rank among the user's unseen items (null for a training positive).</summary>
    private static (double Score, int? Rank) Standing(InterventionContext context, int user, int item)
    {
        float[] scores = context.ScoreItems();
        float score = scores[item];
        if (context.Train.Contains(user, item)) return (score, null);
        int above = 0;
        for (int j = 0; j < scores.Length; j++)
            if (j != item && scores[j] > score && !context.Train.Contains(user, j)) above++;
        return (score, above + 1);
    }
}
