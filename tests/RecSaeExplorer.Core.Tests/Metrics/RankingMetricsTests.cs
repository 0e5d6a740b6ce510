using RecSaeExplorer.Core.Metrics;

namespace RecSaeExplorer.Core.Tests.Metrics;

public class RankingMetricsTests
{
    // Hits at ranks 2 (item 3) and 4 (item 1); item 8 is never recommended.
    private static readonly int[] Ranked = [5, 3, 9, 1, 7];
    private static readonly int[] Relevant = [1, 3, 8];

    [Fact]
    public void Top5_counts_both_hits()
    {
        Assert.Equal(1.0, RankingMetrics.HitRate(Ranked, Relevant, 5));
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(Ranked, Relevant, 5), 12);
        // (1/log2 3 + 1/log2 5) / (1 + 1/log2 3 + 1/log2 4)
        Assert.Equal(0.49818925746641285, RankingMetrics.Ndcg(Ranked, Relevant, 5), 12);
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(Ranked, Relevant, 5));
    }

    [Fact]
    public void Top3_ignores_the_hit_below_the_cutoff()
    {
        Assert.Equal(1.0, RankingMetrics.HitRate(Ranked, Relevant, 3));
        Assert.Equal(1.0 / 3, RankingMetrics.Recall(Ranked, Relevant, 3), 12);
        Assert.Equal(0.2960819109658652, RankingMetrics.Ndcg(Ranked, Relevant, 3), 12);
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(Ranked, Relevant, 3));
    }

    [Fact]
    public void Top1_without_a_hit_scores_zero()
    {
        Assert.Equal(0.0, RankingMetrics.HitRate(Ranked, Relevant, 1));
        Assert.Equal(0.0, RankingMetrics.Recall(Ranked, Relevant, 1));
        Assert.Equal(0.0, RankingMetrics.Ndcg(Ranked, Relevant, 1));
        Assert.Equal(0.0, RankingMetrics.ReciprocalRank(Ranked, Relevant, 1));
    }

    [Fact]
    public void Ideal_dcg_is_capped_at_k_when_more_items_are_relevant()
    {
        // Both top-2 slots relevant out of 3 relevant: a perfect top-2 list.
        Assert.Equal(1.0, RankingMetrics.Ndcg([3, 1, 5], Relevant, 2), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.Recall([3, 1, 5], Relevant, 2), 12);
    }

    [Fact]
    public void Empty_relevant_set_scores_zero()
    {
        Assert.Equal(0.0, RankingMetrics.Ndcg(Ranked, [], 5));
        Assert.Equal(0.0, RankingMetrics.Recall(Ranked, [], 5));
        Assert.Equal(0.0, RankingMetrics.HitRate(Ranked, [], 5));
    }

    [Theory]
    [InlineData(1, 10, 1.0, 1.0)]
    [InlineData(3, 10, 1.0, 0.5)]
    [InlineData(10, 10, 1.0, 0.28906482631788782)]
    [InlineData(11, 10, 0.0, 0.0)]
    public void Single_item_rank_metrics(int rank, int k, double hit, double ndcg)
    {
        Assert.Equal(hit, RankingMetrics.HitRateAtRank(rank, k));
        Assert.Equal(ndcg, RankingMetrics.NdcgAtRank(rank, k), 12);
    }
}
