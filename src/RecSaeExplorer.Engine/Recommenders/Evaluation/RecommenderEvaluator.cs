using System.Diagnostics;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Metrics;

namespace RecSaeExplorer.Engine.Recommenders.Evaluation;

/// <summary>
/// Accuracy of a recommender on the held-out positives of a split, with binary gains:
/// <list type="bullet">
/// <item>full ranking: every item except the user's training positives is ranked; relevant = held-out
/// positives; HR, NDCG, Recall (hits / held-out count), MRR, plus catalogue coverage and mean popularity;</item>
/// <item>NCF protocol: each held-out positive against 99 seeded negatives the user never interacted
/// with (in train or test); a tie counts against the positive.</item>
/// </list>
/// Users without held-out positives are skipped.
/// </summary>
public static class RecommenderEvaluator
{
    public static RecommenderMetrics Evaluate(IRecommender model, Dataset dataset, DatasetSplit split,
        EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EvaluationOptions();
        options.Validate();
        if (model.UserCount != dataset.Users.Count || model.ItemCount != dataset.Items.Count)
            throw new ArgumentException($"The model has {model.UserCount} users × {model.ItemCount} items; the dataset {dataset.Users.Count} × {dataset.Items.Count}.");
        var clock = Stopwatch.StartNew();
        int[] users = EvaluatedUsers(split, options.Users);
        var metrics = new RecommenderMetrics { UsersEvaluated = users.Length };
        if (options.FullRanking)
        {
            var (ranking, coverage) = FullRanking.Run(model, dataset, split, users, options, cancellationToken);
            metrics = metrics with { FullRanking = ranking, Coverage = coverage };
        }
        if (options.SampledProtocol)
        {
            metrics = metrics with { Sampled = SampledRanking.Run(model, dataset, split, users, options, cancellationToken) };
        }
        return metrics with { Seconds = clock.Elapsed.TotalSeconds };
    }

    private static int[] EvaluatedUsers(DatasetSplit split, EvaluationUsers scope)
    {
        IEnumerable<int> candidates = scope == EvaluationUsers.TestUsers
            ? split.TestUsers
            : Enumerable.Range(0, split.Train.UserCount);
        return candidates.Where(u => split.HeldOutOf(u).Length > 0).ToArray();
    }

    internal static RankingAccumulator[] Accumulators(EvaluationOptions options) =>
        options.Ks.Select(k => new RankingAccumulator(k)).ToArray();
}
