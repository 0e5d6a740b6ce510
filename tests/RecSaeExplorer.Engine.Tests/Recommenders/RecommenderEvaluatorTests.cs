using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Tests.Support;

namespace RecSaeExplorer.Engine.Tests.Recommenders;

public class RecommenderEvaluatorTests
{
    // 4 users × 8 items, 3 interactions each; the split holds out 1 per user and keeps 2 for training.
    private static readonly Dataset Data = SyntheticData.FromRows("tiny", 8,
        [[0, 1, 2], [2, 3, 4], [4, 5, 6], [6, 7, 0]]);
    private static readonly DatasetSplit Split = DatasetSplit.Create(Data, seed: 1, heldOutPerUser: 1, testUserFraction: 0.5);

    /// <summary>Where each user's held-out item lands among its 6 candidates (training positives are excluded).</summary>
    private static readonly int[] HeldOutRank = [1, 3, 6, 2];

    /// <summary>
    /// Scores training positives highest (the evaluator must mask them), then the candidates in an
    /// order that puts the held-out item at <see cref="HeldOutRank"/>; returns the orders too.
    /// </summary>
    private static (float[,] Scores, List<int>[] Orders) PlacedScores()
    {
        var scores = new float[4, 8];
        var orders = new List<int>[4];
        for (int u = 0; u < 4; u++)
        {
            int heldOut = Split.HeldOutOf(u)[0];
            foreach (int item in Split.Train.ItemsOf(u)) scores[u, item] = 100;
            var order = Enumerable.Range(0, 8).Where(i => !Split.Train.Contains(u, i) && i != heldOut).ToList();
            order.Insert(HeldOutRank[u] - 1, heldOut);
            for (int pos = 0; pos < order.Count; pos++) scores[u, order[pos]] = 50 - pos;
            orders[u] = order;
        }
        return (scores, orders);
    }

    [Fact]
    public void Full_ranking_matches_hand_computed_metrics()
    {
        var (scores, _) = PlacedScores();
        using var model = new FixedScoreRecommender(scores);
        var metrics = RecommenderEvaluator.Evaluate(model, Data, Split, new EvaluationOptions { Ks = [5, 1], SampledProtocol = false });
        var at5 = metrics.FullAt(5)!;
        Assert.Equal(4, at5.Count);
        Assert.Equal(0.75, at5.HitRate, 12);                                   // rank 6 misses
        Assert.Equal(0.75, at5.Recall, 12);
        Assert.Equal((1 + 1 / Math.Log2(4) + 1 / Math.Log2(3)) / 4, at5.Ndcg, 12);
        Assert.Equal((1 + 1.0 / 3 + 1.0 / 2) / 4, at5.Mrr, 12);
        Assert.Equal(0.25, metrics.FullAt(1)!.HitRate, 12);
        Assert.Empty(metrics.Sampled);
    }

    [Fact]
    public void Coverage_and_popularity_of_the_top_k()
    {
        var (scores, orders) = PlacedScores();
        using var model = new FixedScoreRecommender(scores);
        var metrics = RecommenderEvaluator.Evaluate(model, Data, Split, new EvaluationOptions { Ks = [2], SampledProtocol = false });
        var top2 = orders.SelectMany(o => o.Take(2)).ToList();
        var coverage = metrics.CoverageAt(2)!;
        Assert.Equal(top2.Distinct().Count() / 8.0, coverage.CatalogCoverage, 12);
        Assert.Equal(top2.Average(i => Data.Items[i].Popularity), coverage.MeanPopularity, 12);
    }

    [Fact]
    public void Sampled_negatives_are_never_interacted_items()
    {
        // Every item the user ever interacted with scores 1, all others 0: the held-out positive can
        // only lose if a train or held-out item was drawn as a "negative".
        var scores = new float[4, 8];
        for (int u = 0; u < 4; u++)
            foreach (int item in Data.Interactions.ItemsOf(u)) scores[u, item] = 1;
        using var model = new FixedScoreRecommender(scores);
        var metrics = RecommenderEvaluator.Evaluate(model, Data, Split,
            new EvaluationOptions { Ks = [1], FullRanking = false, SampledNegatives = 5 });
        Assert.Equal(1.0, metrics.SampledAt(1)!.HitRate);
        Assert.Equal(4, metrics.SampledAt(1)!.Count);
    }

    [Fact]
    public void Ties_count_against_the_positive()
    {
        using var model = new FixedScoreRecommender(new float[4, 8]);
        var metrics = RecommenderEvaluator.Evaluate(model, Data, Split, new EvaluationOptions { Ks = [5], FullRanking = false, SampledNegatives = 5 });
        Assert.Equal(0.0, metrics.SampledAt(5)!.HitRate);
    }

    [Fact]
    public void Sampled_protocol_is_seeded()
    {
        var data = SyntheticData.Communities();
        var split = DatasetSplit.Create(data, seed: 2);
        var random = new Random(9);
        var scores = new float[data.Users.Count, data.Items.Count];
        for (int u = 0; u < scores.GetLength(0); u++)
            for (int i = 0; i < scores.GetLength(1); i++) scores[u, i] = (float)random.NextDouble();
        using var model = new FixedScoreRecommender(scores);
        Core.Metrics.RankingScores RankingOf(int seed) => RecommenderEvaluator.Evaluate(model, data, split,
            new EvaluationOptions { Ks = [3], FullRanking = false, SampledNegatives = 20, Seed = seed }).SampledAt(3)!;
        Assert.Equal(RankingOf(1), RankingOf(1));
        Assert.NotEqual(RankingOf(1).Ndcg, RankingOf(2).Ndcg);
    }

    [Fact]
    public void Test_user_scope_evaluates_only_test_users()
    {
        var (scores, _) = PlacedScores();
        using var model = new FixedScoreRecommender(scores);
        var metrics = RecommenderEvaluator.Evaluate(model, Data, Split, new EvaluationOptions { Users = EvaluationUsers.TestUsers });
        Assert.Equal(2, metrics.UsersEvaluated);
        Assert.Equal(2, metrics.FullAt(10)!.Count);
        double expected = Split.TestUsers.Average(u => 1 / Math.Log2(HeldOutRank[u] + 1));
        Assert.Equal(expected, metrics.FullAt(10)!.Ndcg, 12);
    }

    [Fact]
    public void Rejects_a_model_of_another_shape()
    {
        using var model = new FixedScoreRecommender(new float[3, 8]);
        Assert.Throws<ArgumentException>(() => RecommenderEvaluator.Evaluate(model, Data, Split));
    }
}
