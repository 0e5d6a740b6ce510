namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// Genre facets shared by both MovieLens datasets: the 18 genres of the ML-1M README in its order,
/// then any other genre a file uses (ml-latest-small adds IMAX) in order of first use.
/// ml-latest-small's "Children" is ML-1M's "Children's"; "(no genres listed)" is no genre.
/// </summary>
internal sealed class MovieGenres
{
    public static readonly IReadOnlyList<string> Canonical =
    [
        "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
        "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    public const string NoGenres = "(no genres listed)";

    private readonly List<string> _names = [.. Canonical];
    private readonly Dictionary<string, int> _index = Canonical.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i, StringComparer.Ordinal);

    public IReadOnlyList<string> Names => _names;

    /// <summary>
    /// Facet indices (ascending, distinct) of a '|'-separated genre list, or null when a genre is empty
    /// (the caller reports where).
    /// </summary>
    public int[]? Parse(string genres)
    {
        if (genres == NoGenres) return [];
        var facets = new SortedSet<int>();
        foreach (string raw in genres.Split('|'))
        {
            string genre = raw.Trim() == "Children" ? "Children's" : raw.Trim();
            if (genre.Length == 0) return null;
            if (!_index.TryGetValue(genre, out int index))
            {
                index = _names.Count;
                _names.Add(genre);
                _index.Add(genre, index);
            }
            facets.Add(index);
        }
        return [.. facets];
    }
}
