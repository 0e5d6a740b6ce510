namespace RecSaeExplorer.Core.Metrics;

/// <summary>
/// Top-K accuracy of one ranked list against a set of relevant items, with binary gains.
/// <c>ranked</c> is best-first and may be longer than K (only its first K entries count);
/// <c>relevant</c> must be sorted ascending and without repeats (as CSR rows and held-out sets are).
/// </summary>
public static class RankingMetrics
{
    /// <summary>1 when any relevant item is in the top K, else 0.</summary>
    public static double HitRate(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k) =>
        FirstHitRank(ranked, relevant, k) > 0 ? 1 : 0;

    /// <summary>Relevant items in the top K divided by the number of relevant items (0 when there are none).</summary>
    public static double Recall(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k) =>
        relevant.IsEmpty ? 0 : (double)Hits(ranked, relevant, k) / relevant.Length;

    /// <summary>DCG of the top K (gain 1 at rank r counts 1/log2(r+1)) over the best possible DCG.</summary>
    public static double Ndcg(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k)
    {
        if (relevant.IsEmpty) return 0;
        double dcg = 0;
        int depth = Math.Min(k, ranked.Length);
        for (int r = 0; r < depth; r++)
        {
            if (relevant.BinarySearch(ranked[r]) >= 0) dcg += Discount(r + 1);
        }
        double ideal = 0;
        for (int r = 1; r <= Math.Min(k, relevant.Length); r++) ideal += Discount(r);
        return dcg / ideal;
    }

    /// <summary>1 / rank of the first relevant item within the top K, else 0.</summary>
    public static double ReciprocalRank(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k)
    {
        int rank = FirstHitRank(ranked, relevant, k);
        return rank > 0 ? 1.0 / rank : 0;
    }

    /// <summary>HR@K of a single relevant item known to sit at 1-based <paramref name="rank"/>.</summary>
    public static double HitRateAtRank(int rank, int k) => rank >= 1 && rank <= k ? 1 : 0;

    /// <summary>NDCG@K of a single relevant item at 1-based <paramref name="rank"/> (its ideal DCG is 1).</summary>
    public static double NdcgAtRank(int rank, int k) => rank >= 1 && rank <= k ? Discount(rank) : 0;

    /// <summary>The position discount 1/log2(rank+1) for a 1-based rank.</summary>
    public static double Discount(int rank) => 1.0 / Math.Log2(rank + 1);

    private static int Hits(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k)
    {
        int hits = 0;
        int depth = Math.Min(k, ranked.Length);
        for (int r = 0; r < depth; r++)
        {
            if (relevant.BinarySearch(ranked[r]) >= 0) hits++;
        }
        return hits;
    }

    private static int FirstHitRank(ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant, int k)
    {
        int depth = Math.Min(k, ranked.Length);
        for (int r = 0; r < depth; r++)
        {
            if (relevant.BinarySearch(ranked[r]) >= 0) return r + 1;
        }
        return 0;
    }
}
