namespace RecSaeExplorer.Core.Metrics;

/// <summary>
/// Catalogue coverage and popularity of recommended top-K lists: which share of all items is
/// recommended to anyone, and how popular the recommended items are on average (a popularity-bias gauge).
/// </summary>
public sealed class BeyondAccuracy
{
    private readonly bool[] _seen;
    private readonly IReadOnlyList<int> _popularity;
    private int _distinct;
    private long _slots;
    private double _popularitySum;

    /// <param name="popularity">Per item, the number of users who interacted with it.</param>
    public BeyondAccuracy(IReadOnlyList<int> popularity, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        _popularity = popularity;
        _seen = new bool[popularity.Count];
        K = k;
    }

    public int K { get; }

    /// <summary>Adds one best-first list; only its first K entries count.</summary>
    public void Add(ReadOnlySpan<int> ranked)
    {
        int depth = Math.Min(K, ranked.Length);
        for (int r = 0; r < depth; r++)
        {
            int item = ranked[r];
            if (!_seen[item]) { _seen[item] = true; _distinct++; }
            _popularitySum += _popularity[item];
            _slots++;
        }
    }

    /// <summary>Distinct recommended items over catalogue size.</summary>
    public double CatalogCoverage => _seen.Length == 0 ? 0 : (double)_distinct / _seen.Length;

    /// <summary>Mean popularity (user count) of the recommended items, over all list slots.</summary>
    public double MeanPopularity => _slots == 0 ? 0 : _popularitySum / _slots;
}
