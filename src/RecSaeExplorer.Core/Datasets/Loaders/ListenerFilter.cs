namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// METHOD.md §1's Last.FM filtering: drop artists with too few listeners, then users with too few
/// remaining artists; optionally repeated until stable (a k-core), since dropping users lowers artists'
/// listener counts again.
/// </summary>
internal static class ListenerFilter
{
    public static UserRows Apply(UserRows rows, int catalogueSize, LastFmOptions options, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int[] listeners = rows.ItemDegrees(catalogueSize);
            var byArtist = rows.Where(_ => true, item => listeners[item] > options.ArtistsWithMoreListenersThan);
            var byUser = ByUserSize(byArtist, options.UsersWithMoreArtistsThan);
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
