namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// Interactions grouped by user (ascending id), each row's catalogue positions ascending and unique:
/// the CSR layout of <see cref="InteractionMatrix"/> before items are re-indexed.
/// </summary>
internal sealed class UserRows
{
    private UserRows(int[] userIds, int[] rowStart, int[] items)
    {
        UserIds = userIds;
        RowStart = rowStart;
        Items = items;
    }

    public int[] UserIds { get; }
    public int[] RowStart { get; }

    /// <summary>Catalogue positions.</summary>
    public int[] Items { get; }

    public int UserCount => UserIds.Length;
    public int Count => Items.Length;

    public ReadOnlySpan<int> ItemsOf(int row) => Items.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    /// <summary>
    /// Groups <paramref name="list"/> by user; a (user, item) pair that occurs twice is an error naming
    /// the later line. <paramref name="pairFields"/> names the two columns for that message.
    /// </summary>
    public static UserRows Group(InteractionList list, string pairFields)
    {
        var (userIds, rowOf) = DistinctUsers(list.UserIds);
        var rowStart = new int[userIds.Length + 1];
        foreach (int id in list.UserIds) rowStart[rowOf[id] + 1]++;
        for (int r = 0; r < userIds.Length; r++) rowStart[r + 1] += rowStart[r];

        // Item position in the high half and line in the low half: sorting orders items and, for a
        // repeated pair, puts the earlier line first.
        var packed = new long[list.Count];
        var next = rowStart[..^1];
        ReadOnlySpan<int> users = list.UserIds, items = list.ItemPositions, lines = list.Lines;
        for (int k = 0; k < users.Length; k++) packed[next[rowOf[users[k]]]++] = ((long)items[k] << 32) | (uint)lines[k];

        var rowItems = new int[list.Count];
        for (int r = 0; r < userIds.Length; r++)
        {
            Span<long> row = packed.AsSpan(rowStart[r], rowStart[r + 1] - rowStart[r]);
            row.Sort();
            for (int k = 0; k < row.Length; k++)
            {
                int item = (int)(row[k] >> 32);
                if (k > 0 && item == rowItems[rowStart[r] + k - 1])
                    throw new DatasetFormatException(list.File, (int)row[k], pairFields, "each (user, item) pair at most once",
                        $"the pair of line {(int)row[k - 1]} again (user {userIds[r]})");
                rowItems[rowStart[r] + k] = item;
            }
        }
        return new UserRows(userIds, rowStart, rowItems);
    }

    /// <summary>The rows of the users and the items that <paramref name="keepUser"/> and <paramref name="keepItem"/> accept; empty rows are dropped.</summary>
    public UserRows Where(Func<int, bool> keepUser, Func<int, bool> keepItem)
    {
        var ids = new List<int>();
        var starts = new List<int> { 0 };
        var kept = new List<int>(Count);
        for (int r = 0; r < UserCount; r++)
        {
            if (!keepUser(UserIds[r])) continue;
            int before = kept.Count;
            foreach (int item in ItemsOf(r)) if (keepItem(item)) kept.Add(item);
            if (kept.Count == before) continue;
            ids.Add(UserIds[r]);
            starts.Add(kept.Count);
        }
        return new UserRows(ids.ToArray(), starts.ToArray(), kept.ToArray());
    }

    /// <summary>Number of users per catalogue position.</summary>
    public int[] ItemDegrees(int catalogueSize)
    {
        var degrees = new int[catalogueSize];
        foreach (int item in Items) degrees[item]++;
        return degrees;
    }

    private static (int[] Ids, Dictionary<int, int> RowOf) DistinctUsers(ReadOnlySpan<int> userIds)
    {
        var rowOf = new Dictionary<int, int>();
        int last = int.MinValue;
        foreach (int id in userIds)
        {
            if (id == last) continue; // files are usually grouped by user: skip the lookup
            rowOf.TryAdd(id, 0);
            last = id;
        }
        int[] ids = rowOf.Keys.ToArray();
        Array.Sort(ids);
        for (int r = 0; r < ids.Length; r++) rowOf[ids[r]] = r;
        return (ids, rowOf);
    }
}
