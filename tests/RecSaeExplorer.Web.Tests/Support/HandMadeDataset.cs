using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>A four-movie dataset small enough to check every number by hand.</summary>
internal static class HandMadeDataset
{
    // Users 0..2 rated: u0 {A, B}, u1 {A, C, D}, u2 {D} → 6 interactions of 3 × 4 = 12 cells (50 %).
    // Facets: Drama on A, C, D (3); Comedy on B, C (2); Action on A (1).
    // Decades: A 1995, D 1999 → 1990s (2); B 1965 → pre-1970 (1); C 2001 → 2000s (1).
    public static Dataset Create()
    {
        string[] facets = ["Action", "Comedy", "Drama"];
        UserInfo[] users = [new(0, 10), new(1, 11), new(2, 12)];
        ItemInfo[] items =
        [
            new(0, 100, "A", 1995, Decades.Of(1995), [0, 2], 2),
            new(1, 101, "B", 1965, Decades.Of(1965), [1], 1),
            new(2, 102, "C", 2001, Decades.Of(2001), [1, 2], 1),
            new(3, 103, "D", 1999, Decades.Of(1999), [2], 2),
        ];
        var interactions = InteractionMatrix.FromRows(items.Length, [[0, 1], [0, 2, 3], [3]]);
        return new Dataset("hand-made", "genre", facets, users, items, interactions, listedItemCount: 5);
    }
}
