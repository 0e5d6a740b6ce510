namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>One row of a catalogue file (movies.dat, movies.csv, artists.dat) as read.</summary>
internal sealed record CatalogueItem(int Id, string Title, int? Year, int[] Facets);

/// <summary>
/// The items a catalogue file lists, sorted by id, so a catalogue position orders items as the dataset
/// does. Ids must be unique.
/// </summary>
internal sealed class Catalogue
{
    private readonly List<(CatalogueItem Item, int Line)> _entries = [];
    private readonly string _file;
    private readonly string _idField;
    private Dictionary<int, int>? _positions;
    private CatalogueItem[]? _items;

    public Catalogue(string file, string idField)
    {
        _file = file;
        _idField = idField;
    }

    public void Add(CatalogueItem item, int line)
    {
        if (_items is not null) throw new InvalidOperationException("The catalogue is complete.");
        _entries.Add((item, line));
    }

    /// <summary>Items in id order; completing the catalogue checks ids are unique.</summary>
    public IReadOnlyList<CatalogueItem> Items => _items ?? Complete();

    public int Count => Items.Count;

    /// <summary>The position of item <paramref name="id"/>, or -1 when the catalogue does not list it.</summary>
    public int PositionOf(int id)
    {
        if (_positions is null) Complete();
        return _positions!.GetValueOrDefault(id, -1);
    }

    private CatalogueItem[] Complete()
    {
        if (_entries.Count == 0) throw new DatasetFormatException(_file, 0, "(file)", "at least one item");
        _entries.Sort((a, b) => a.Item.Id.CompareTo(b.Item.Id));
        var positions = new Dictionary<int, int>(_entries.Count);
        for (int i = 0; i < _entries.Count; i++)
        {
            var (item, line) = _entries[i];
            if (!positions.TryAdd(item.Id, i))
            {
                int first = Math.Min(line, _entries[i - 1].Line), second = Math.Max(line, _entries[i - 1].Line);
                throw new DatasetFormatException(_file, second, _idField, "a unique id", $"{item.Id}, already on line {first}");
            }
        }
        _positions = positions;
        return _items = _entries.Select(e => e.Item).ToArray();
    }
}
