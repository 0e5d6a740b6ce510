namespace RecSaeExplorer.Engine.Recommenders.Ranking;

/// <summary>A user's best-first list of (item, logit), training positives excluded.</summary>
public sealed record TopList(int[] Items, float[] Scores)
{
    /// <summary>The last listed score (the depth-th best), or −∞ for a list shorter than its depth.</summary>
    public float Cutoff(int depth) => Items.Length < depth ? float.NegativeInfinity : Scores[depth - 1];

    /// <summary>1-based rank of <paramref name="item"/>, null when it is not listed.</summary>
    public int? RankOf(int item)
    {
        int at = Array.IndexOf(Items, item);
        return at < 0 ? null : at + 1;
    }

    /// <summary>
    /// The list after <paramref name="item"/>'s score changed to <paramref name="score"/> (all other scores
    /// unchanged): remove it, insert it by score (after equal scores), cut to <paramref name="depth"/>.
    /// </summary>
    public TopList WithScore(int item, float score, int depth)
    {
        var items = new List<int>(Items.Length + 1);
        var scores = new List<float>(Items.Length + 1);
        bool placed = false;
        for (int r = 0; r < Items.Length; r++)
        {
            if (Items[r] == item) continue;
            if (!placed && score > Scores[r]) Place(item, score);
            items.Add(Items[r]);
            scores.Add(Scores[r]);
        }
        if (!placed) Place(item, score);
        int keep = Math.Min(depth, items.Count);
        return new TopList(items.GetRange(0, keep).ToArray(), scores.GetRange(0, keep).ToArray());

        void Place(int i, float s)
        {
            items.Add(i);
            scores.Add(s);
            placed = true;
        }
    }
}
