using RecSaeExplorer.Core.Metrics;

namespace RecSaeExplorer.Core.Tests.Metrics;

public class RankingAccumulatorTests
{
    [Fact]
    public void Averages_lists_with_equal_weight()
    {
        var acc = new RankingAccumulator(2);
        acc.Add([4, 2, 9], [2]);      // hit at rank 2: ndcg 1/log2 3, rr 1/2, recall 1
        acc.Add([7, 8, 1], [1, 3]);   // 1 is at rank 3, beyond K: all zero
        var r = acc.Result();
        Assert.Equal(2, r.Count);
        Assert.Equal(0.5, r.HitRate, 12);
        Assert.Equal(0.6309297535714574 / 2, r.Ndcg, 12);
        Assert.Equal(0.25, r.Mrr, 12);
        Assert.Equal(0.5, r.Recall, 12);
    }

    [Fact]
    public void Ranks_of_single_items_match_list_form()
    {
        var byRank = new RankingAccumulator(10);
        var byList = new RankingAccumulator(10);
        int[] list = Enumerable.Range(100, 20).ToArray();
        foreach (int rank in new[] { 1, 4, 10, 15 })
        {
            byRank.AddRank(rank);
            byList.Add(list, [list[rank - 1]]);
        }
        Assert.Equal(byList.Result(), byRank.Result());
        Assert.Equal(0.75, byRank.Result().HitRate, 12);
    }

    [Fact]
    public void Empty_accumulator_reports_zero()
    {
        Assert.Equal(new RankingScores(5, 0, 0, 0, 0, 0), new RankingAccumulator(5).Result());
    }
}
