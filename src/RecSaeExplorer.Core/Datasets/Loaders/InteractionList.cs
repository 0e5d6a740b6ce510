namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// Interactions as read, in file order: the user's id, the item's catalogue position and the source
/// line (for error messages). Parallel growable arrays keep 1M rows cheap.
/// </summary>
internal sealed class InteractionList(string file, int capacity = 1024)
{
    private int[] _users = new int[Math.Max(capacity, 16)];
    private int[] _items = new int[Math.Max(capacity, 16)];
    private int[] _lines = new int[Math.Max(capacity, 16)];

    /// <summary>The file the interactions come from.</summary>
    public string File { get; } = file;

    public int Count { get; private set; }

    public ReadOnlySpan<int> UserIds => _users.AsSpan(0, Count);
    public ReadOnlySpan<int> ItemPositions => _items.AsSpan(0, Count);
    public ReadOnlySpan<int> Lines => _lines.AsSpan(0, Count);

    public void Add(int userId, int itemPosition, int line)
    {
        if (Count == _users.Length) Grow();
        _users[Count] = userId;
        _items[Count] = itemPosition;
        _lines[Count] = line;
        Count++;
    }

    private void Grow()
    {
        int size = _users.Length * 2;
        Array.Resize(ref _users, size);
        Array.Resize(ref _items, size);
        Array.Resize(ref _lines, size);
    }
}
