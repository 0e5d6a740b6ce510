using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Core.Tests.Datasets;

/// <summary>Builds an in-memory dataset from per-user item lists, for split and sampler tests.</summary>
internal static class TinyDataset
{
    public static Dataset Create(int itemCount, params int[][] rows)
    {
        var matrix = InteractionMatrix.FromRows(itemCount, rows);
        var degrees = matrix.ItemDegrees();
        var users = rows.Select((_, u) => new UserInfo(u, u + 1)).ToArray();
        var items = Enumerable.Range(0, itemCount).Select(i => new ItemInfo(i, i + 1, $"Item {i}", null, null, [], degrees[i])).ToArray();
        return new Dataset("tiny", "genre", [], users, items, matrix);
    }
}
