namespace RecSaeExplorer.Core.Datasets;

/// <summary>
/// Binary user × item interactions in compressed sparse row form: the items of user u are
/// <c>ItemIndices[RowStart[u] .. RowStart[u + 1]]</c>, sorted ascending and without repeats.
/// </summary>
public sealed class InteractionMatrix
{
    private readonly int[] _rowStart;
    private readonly int[] _itemIndices;

    public InteractionMatrix(int userCount, int itemCount, int[] rowStart, int[] itemIndices)
    {
        if (rowStart.Length != userCount + 1) throw new ArgumentException("rowStart must have userCount + 1 entries.", nameof(rowStart));
        if (rowStart[0] != 0 || rowStart[^1] != itemIndices.Length) throw new ArgumentException("rowStart must run from 0 to the number of interactions.", nameof(rowStart));
        for (int u = 0; u < userCount; u++)
        {
            if (rowStart[u + 1] < rowStart[u]) throw new ArgumentException($"rowStart decreases at user {u}.", nameof(rowStart));
            ReadOnlySpan<int> row = itemIndices.AsSpan(rowStart[u], rowStart[u + 1] - rowStart[u]);
            for (int k = 0; k < row.Length; k++)
            {
                if ((uint)row[k] >= (uint)itemCount) throw new ArgumentException($"Item index {row[k]} of user {u} is outside 0..{itemCount - 1}.", nameof(itemIndices));
                if (k > 0 && row[k] <= row[k - 1]) throw new ArgumentException($"Items of user {u} are not strictly ascending.", nameof(itemIndices));
            }
        }
        UserCount = userCount;
        ItemCount = itemCount;
        _rowStart = rowStart;
        _itemIndices = itemIndices;
    }

    public int UserCount { get; }
    public int ItemCount { get; }
    public int Count => _itemIndices.Length;
    public double Density => UserCount == 0 || ItemCount == 0 ? 0 : (double)Count / ((double)UserCount * ItemCount);

    public ReadOnlySpan<int> RowStart => _rowStart;
    public ReadOnlySpan<int> ItemIndices => _itemIndices;

    /// <summary>The sorted item indices user <paramref name="user"/> interacted with.</summary>
    public ReadOnlySpan<int> ItemsOf(int user) => _itemIndices.AsSpan(_rowStart[user], _rowStart[user + 1] - _rowStart[user]);

    public int CountOf(int user) => _rowStart[user + 1] - _rowStart[user];

    public bool Contains(int user, int item) => ItemsOf(user).BinarySearch(item) >= 0;

    /// <summary>Number of distinct users per item.</summary>
    public int[] ItemDegrees()
    {
        var degrees = new int[ItemCount];
        foreach (int item in _itemIndices) degrees[item]++;
        return degrees;
    }

    /// <summary>Builds a matrix from per-user item lists (any order, repeats removed).</summary>
    public static InteractionMatrix FromRows(int itemCount, IReadOnlyList<IEnumerable<int>> rows)
    {
        var rowStart = new int[rows.Count + 1];
        var items = new List<int>();
        for (int u = 0; u < rows.Count; u++)
        {
            var sorted = new SortedSet<int>(rows[u]);
            items.AddRange(sorted);
            rowStart[u + 1] = items.Count;
        }
        return new InteractionMatrix(rows.Count, itemCount, rowStart, items.ToArray());
    }
}
