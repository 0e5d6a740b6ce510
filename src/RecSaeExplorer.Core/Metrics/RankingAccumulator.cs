namespace RecSaeExplorer.Core.Metrics;

/// <summary>
/// Averages HR, NDCG, Recall and MRR at one cut-off over many ranked lists (users, or test cases of
/// the sampled protocol); each list weighs the same.
/// </summary>
public sealed class RankingAccumulator(int k)
{
    private double _hit, _ndcg, _recall, _rr;

    public int K { get; } = k > 0 ? k : throw new ArgumentOutOfRangeException(nameof(k));
    public int Count { get; private set; }

    /// <summary>Adds a ranked list judged against its sorted relevant set.</summary>
    public void Add(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant)
    {
        _hit += RankingMetrics.HitRate(ranked, relevant, K);
        _ndcg += RankingMetrics.Ndcg(ranked, relevant, K);
        _recall += RankingMetrics.Recall(ranked, relevant, K);
        _rr += RankingMetrics.ReciprocalRank(ranked, relevant, K);
        Count++;
    }

    /// <summary>Adds a case with exactly one relevant item at 1-based <paramref name="rank"/>.</summary>
    public void AddRank(int rank)
    {
        double hit = RankingMetrics.HitRateAtRank(rank, K);
        _hit += hit;
        _ndcg += RankingMetrics.NdcgAtRank(rank, K);
        _recall += hit;
        _rr += hit > 0 ? 1.0 / rank : 0;
        Count++;
    }

    public RankingScores Result() => Count == 0
        ? new RankingScores(K, 0, 0, 0, 0, 0)
        : new RankingScores(K, _hit / Count, _ndcg / Count, _recall / Count, _rr / Count, Count);
}

/// <summary>Mean top-K accuracy over <see cref="Count"/> ranked lists.</summary>
public sealed record RankingScores(int K, double HitRate, double Ndcg, double Recall, double Mrr, int Count);
