namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// The last step of every loader: re-indexes users (ascending id) and the catalogue items someone
/// interacted with (ascending id) densely, and builds the <see cref="Dataset"/> in one go.
/// </summary>
internal static class DatasetAssembly
{
    /// <param name="user">Makes the <see cref="UserInfo"/> for (dense index, id).</param>
    public static Dataset Build(string name, string facetKind, IReadOnlyList<string> facetNames,
        IReadOnlyList<CatalogueItem> catalogue, UserRows rows, Func<int, int, UserInfo> user)
    {
        int[] degrees = rows.ItemDegrees(catalogue.Count);
        var indexOf = new int[catalogue.Count];
        var items = new List<ItemInfo>();
        for (int p = 0; p < catalogue.Count; p++)
        {
            indexOf[p] = -1;
            if (degrees[p] == 0) continue;
            indexOf[p] = items.Count;
            var c = catalogue[p];
            items.Add(new ItemInfo(items.Count, c.Id, c.Title, c.Year, c.Year is { } y ? Decades.Of(y) : null, c.Facets, degrees[p]));
        }

        // The position → index map is increasing, so every row stays sorted.
        var itemIndices = new int[rows.Count];
        for (int k = 0; k < itemIndices.Length; k++) itemIndices[k] = indexOf[rows.Items[k]];
        var users = new UserInfo[rows.UserCount];
        for (int u = 0; u < users.Length; u++) users[u] = user(u, rows.UserIds[u]);

        var matrix = new InteractionMatrix(users.Length, items.Count, (int[])rows.RowStart.Clone(), itemIndices);
        return new Dataset(name, facetKind, facetNames, users, items, matrix, catalogue.Count);
    }
}
