using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Engine.Tests.Support;

/// <summary>Small hand-made datasets with structure a recommender can learn.</summary>
internal static class SyntheticData
{
    /// <summary>
    /// <paramref name="groups"/> communities: each user interacts with a random share
    /// <paramref name="density"/> of its own community's items and with nothing else.
    /// </summary>
    public static Dataset Communities(int groups = 2, int usersPerGroup = 40, int itemsPerGroup = 30,
        double density = 0.5, int seed = 7, string name = "synthetic")
    {
        var random = new Random(seed);
        int userCount = groups * usersPerGroup;
        int itemCount = groups * itemsPerGroup;
        var rows = new List<IEnumerable<int>>();
        for (int u = 0; u < userCount; u++)
        {
            int g = u / usersPerGroup;
            var items = Enumerable.Range(g * itemsPerGroup, itemsPerGroup).Where(_ => random.NextDouble() < density).ToList();
            if (items.Count < 7) items = Enumerable.Range(g * itemsPerGroup, 7).ToList();
            rows.Add(items);
        }
        return FromRows(name, itemCount, rows);
    }

    /// <summary>A dataset with exactly the given per-user item lists.</summary>
    public static Dataset FromRows(string name, int itemCount, IReadOnlyList<IEnumerable<int>> rows)
    {
        var matrix = InteractionMatrix.FromRows(itemCount, rows);
        var degrees = matrix.ItemDegrees();
        var users = Enumerable.Range(0, rows.Count).Select(u => new UserInfo(u, 1000 + u)).ToList();
        var items = Enumerable.Range(0, itemCount)
            .Select(i => new ItemInfo(i, 5000 + i, $"Item {i}", null, null, [], degrees[i])).ToList();
        return new Dataset(name, "genre", [], users, items, matrix);
    }
}
