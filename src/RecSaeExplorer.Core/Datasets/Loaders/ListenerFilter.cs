namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// METHOD.md §1's Last.FM filtering: drop artists with too few listeners, then users with too few
/// remaining artists; optionally repeated until stable (a k-core), since dropping users lowers artists'
/// listener counts again.
/// </summary>
internal static class ListenerFilter
{
    /// <param name="path">The listens file, named when a filter leaves nothing.</param>
    public static UserRows Apply(UserRows rows, int catalogueSize, LastFmOptions options, string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int[] listeners = rows.ItemDegrees(catalogueSize);
            var byArtist = rows.Where(_ => true, item => listeners[item] > options.ArtistsWithMoreListenersThan);
            // An empty dataset would fail far from here ("Sequence contains no elements"): say which filter emptied it.
            if (byArtist.Count == 0)
                throw new DatasetFormatException(path, 0, "(filter)", $"an artist with more than {options.ArtistsWithMoreListenersThan} listeners (the artist filter)", "none: the filter left no listens");
            var byUser = ByUserSize(byArtist, options.UsersWithMoreArtistsThan);
            if (byUser.Count == 0)
                throw new DatasetFormatException(path, 0, "(filter)", $"a user with more than {options.UsersWithMoreArtistsThan} of the kept artists (the user filter)", "none: the filter left no users");
            bool stable = byUser.Count == rows.Count;
            rows = byUser;
            if (stable || !options.IterateToFixedPoint) return rows;
        }
    }

    private static UserRows ByUserSize(UserRows rows, int moreThan)
    {
        var keep = new HashSet<int>();
        for (int r = 0; r < rows.UserCount; r++)
        {
            if (rows.RowStart[r + 1] - rows.RowStart[r] > moreThan) keep.Add(rows.UserIds[r]);
        }
        return rows.Where(keep.Contains, _ => true);
    }
}
