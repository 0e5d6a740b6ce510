namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// Turns Last.FM tag assignments into artist facets: count assignments per (artist, tag) over all
/// users, drop generic tags, keep each artist's top tags (ties by tag text), then keep only tags that
/// are a top tag of enough artists, so every facet names a group rather than one artist.
/// </summary>
internal sealed class ArtistTags(IReadOnlySet<string> excluded)
{
    private readonly Dictionary<(int Artist, string Tag), int> _counts = [];

    public void Add(int artistPosition, string tag)
    {
        if (excluded.Contains(tag)) return;
        _counts[(artistPosition, tag)] = _counts.GetValueOrDefault((artistPosition, tag)) + 1;
    }

    /// <summary>Facet names (ordinal order) and, per catalogue position, facet indices (ascending).</summary>
    public (IReadOnlyList<string> Names, int[][] Facets) Facets(int catalogueSize, Func<int, bool> isKept, int topPerArtist, int minArtistsPerTag)
    {
        var top = TopTags(isKept, topPerArtist);
        var names = top.Values.SelectMany(t => t).CountBy(t => t, StringComparer.Ordinal)
            .Where(p => p.Value >= minArtistsPerTag).Select(p => p.Key)
            .Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var facets = new int[catalogueSize][];
        for (int p = 0; p < catalogueSize; p++)
        {
            facets[p] = top.TryGetValue(p, out var tags)
                ? tags.Where(index.ContainsKey).Select(t => index[t]).Order().ToArray()
                : [];
        }
        return (names, facets);
    }

    private Dictionary<int, string[]> TopTags(Func<int, bool> isKept, int topPerArtist) =>
        _counts.Where(c => isKept(c.Key.Artist))
            .GroupBy(c => c.Key.Artist)
            .ToDictionary(g => g.Key, g => g
                .OrderByDescending(c => c.Value).ThenBy(c => c.Key.Tag, StringComparer.Ordinal)
                .Take(topPerArtist).Select(c => c.Key.Tag).ToArray());
}
