namespace RecSaeExplorer.Core.Interpretability;

/// <summary>
/// Kendall τ-b between two best-first lists over the union of their items; an item missing from a
/// list gets that list's rank len + 1 (so all missing items tie at the bottom of that list).
/// </summary>
public static class KendallTau
{
    public static double TauB(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var union = new List<int>(a.Length + b.Length);
        var rankA = RankOf(a, union);
        var rankB = RankOf(b, union);
        int n = union.Count;
        var x = new int[n];
        var y = new int[n];
        for (int k = 0; k < n; k++)
        {
            x[k] = rankA.TryGetValue(union[k], out int ra) ? ra : a.Length + 1;
            y[k] = rankB.TryGetValue(union[k], out int rb) ? rb : b.Length + 1;
        }
        return TauBOfRanks(x, y);
    }

    /// <summary>τ-b of two paired rank (or score) vectors: (C − D) / √((n0 − n1)(n0 − n2)); 0 when undefined.</summary>
    public static double TauBOfRanks(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("Paired vectors must have the same length.");
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0, pairs = 0;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = i + 1; j < x.Length; j++)
            {
                pairs++;
                int dx = Math.Sign(x[i] - x[j]), dy = Math.Sign(y[i] - y[j]);
                if (dx == 0) tiesX++;
                if (dy == 0) tiesY++;
                if (dx * dy > 0) concordant++;
                else if (dx * dy < 0) discordant++;
            }
        }
        double denominator = Math.Sqrt((double)(pairs - tiesX) * (pairs - tiesY));
        return denominator == 0 ? 0 : (concordant - discordant) / denominator;
    }

    /// <summary>1-based ranks of a list's items; appends items not yet in <paramref name="union"/>.</summary>
    private static Dictionary<int, int> RankOf(ReadOnlySpan<int> list, List<int> union)
    {
        var ranks = new Dictionary<int, int>(list.Length);
        var members = new HashSet<int>(union);
        for (int r = 0; r < list.Length; r++)
        {
            if (!ranks.TryAdd(list[r], r + 1)) throw new ArgumentException($"Item {list[r]} appears twice in a ranked list.");
            if (members.Add(list[r])) union.Add(list[r]);
        }
        return ranks;
    }
}
