using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Core.Tests.Concepts;

/// <summary>
/// 100 items: facet "Kids" on items 0–9, "Horror" on 10–29, "Drama" on every third item; decades
/// alternate 1980s / 1990s; popularity falls with the index (item 0 most popular). Users alternate F / M.
/// </summary>
internal static class ConceptData
{
    public const int Items = 100;

    public static Dataset Create(int userCount = 20)
    {
        var items = Enumerable.Range(0, Items).Select(i =>
        {
            var facets = new List<int>();
            if (i < 10) facets.Add(0);
            if (i is >= 10 and < 30) facets.Add(1);
            if (i % 3 == 0) facets.Add(2);
            return new ItemInfo(i, i + 1, $"Item {i}", i % 2 == 0 ? 1985 : 1995, i % 2 == 0 ? "1980s" : "1990s", facets, Items - i);
        }).ToList();
        var rows = Enumerable.Range(0, userCount).Select(u => (IEnumerable<int>)[u % Items]).ToList();
        var users = Enumerable.Range(0, userCount).Select(u => new UserInfo(u, u + 1, u % 2 == 0 ? "F" : "M", u < userCount / 2 ? "18-24" : "25-34")).ToList();
        return new Dataset("concepts", "genre", ["Kids", "Horror", "Drama"], users, items, InteractionMatrix.FromRows(Items, rows));
    }
}
