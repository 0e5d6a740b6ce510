namespace RecSaeExplorer.Engine.Sae.Training;

/// <summary>
/// Seeded host-side batches: users are shuffled every epoch and cut into batches; items cycle
/// through a shuffled catalogue (the research code's cycled item loader).
/// </summary>
internal sealed class SaeBatchSampler(IReadOnlyList<int> trainUsers, int itemCount, int userBatch, int itemBatch, int seed)
{
    private readonly Random _random = new(seed);
    private readonly int[] _users = trainUsers.ToArray();
    private readonly int[] _items = Enumerable.Range(0, itemCount).ToArray();
    private int _userCursor = int.MaxValue;
    private int _itemCursor = int.MaxValue;

    public int BatchesPerEpoch => Math.Max(1, (_users.Length + userBatch - 1) / userBatch);

    public Random Random => _random;

    public int[] NextUsers() => Next(_users, ref _userCursor, Math.Min(userBatch, _users.Length), partial: true);

    /// <summary>The next item batch; all items (in index order) when the batch size is 0.</summary>
    public int[] NextItems() => itemBatch <= 0 || itemBatch >= _items.Length
        ? Enumerable.Range(0, _items.Length).ToArray()
        : Next(_items, ref _itemCursor, itemBatch, partial: false);

    /// <summary>Takes the next slice, reshuffling when the pool is used up (a short last user batch is kept).</summary>
    private int[] Next(int[] pool, ref int cursor, int size, bool partial)
    {
        if (cursor >= pool.Length || (!partial && cursor + size > pool.Length))
        {
            _random.Shuffle(pool);
            cursor = 0;
        }
        int take = Math.Min(size, pool.Length - cursor);
        var batch = pool.AsSpan(cursor, take).ToArray();
        cursor += take;
        return batch;
    }
}
