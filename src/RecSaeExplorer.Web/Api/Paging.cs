namespace RecSaeExplorer.Web.Api;

/// <summary>One page of a list: <see cref="Total"/> items match, <see cref="Items"/> starts at <see cref="Offset"/>.</summary>
public sealed record Page<T>(int Total, int Offset, int Limit, IReadOnlyList<T> Items);

public static class Paging
{
    public const int DefaultLimit = 50, MaxLimit = 500, MaxOffset = 1_000_000;

    public static Page<T> Of<T>(IEnumerable<T> all, int? offset, int? limit)
    {
        int o = Bounds.Check("offset", offset, 0, 0, MaxOffset);
        int l = Bounds.Check("limit", limit, DefaultLimit, 1, MaxLimit);
        var list = all as IReadOnlyList<T> ?? all.ToList();
        return new Page<T>(list.Count, o, l, list.Skip(o).Take(l).ToList());
    }
}
