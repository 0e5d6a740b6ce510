using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Engine.Interventions;

/// <summary>Users an intervention is measured on (dense user indices, ascending unless ranked).</summary>
public sealed record Audience(string Description, IReadOnlyList<int> Users)
{
    /// <summary>
    /// Parses an audience spec: <c>facet:&lt;name&gt;[:&lt;n&gt;]</c> (the n test users most concentrated on
    /// the facet, default 50), <c>gender:F</c>, <c>age:25-34</c> (test users of that segment), <c>test</c> (all
    /// test users), <c>all</c> (every user), <c>user:&lt;id&gt;</c> (one user by dataset id).
    /// </summary>
    public static Audience Parse(string spec, Dataset dataset, DatasetSplit split)
    {
        string[] parts = spec.Split(':');
        string kind = parts[0].Trim().ToLowerInvariant();
        string rest = string.Join(':', parts.Skip(1)).Trim();
        return kind switch
        {
            "all" => new Audience("all users", Enumerable.Range(0, dataset.Users.Count).ToArray()),
            "test" => new Audience("test users", split.TestUsers.ToArray()),
            "facet" => ParseFacet(rest, dataset, split),
            "gender" => Segment($"gender {rest}", dataset, split, u => string.Equals(u.Gender, rest, StringComparison.OrdinalIgnoreCase)),
            "age" => Segment($"age {rest}", dataset, split, u => u.AgeBand == rest),
            "user" when int.TryParse(rest, out int id) => OneUser(dataset, id),
            _ => throw new ArgumentException($"Unknown audience '{spec}': use facet:<name>[:n], gender:F|M, age:<band>, test, all or user:<id>."),
        };
    }

    /// <summary>The <paramref name="count"/> test users whose training positives carry the facet most often (share, then count).</summary>
    public static Audience FacetFans(Dataset dataset, DatasetSplit split, int facet, int count)
    {
        var train = split.Train;
        var ranked = split.TestUsers
            .Select(u => (User: u, Hits: Hits(dataset, train.ItemsOf(u), facet), Total: train.CountOf(u)))
            .Where(t => t.Hits > 0)
            .OrderByDescending(t => t.Hits / (double)t.Total).ThenByDescending(t => t.Hits).ThenBy(t => t.User)
            .Take(count).Select(t => t.User).ToArray();
        return new Audience($"{ranked.Length} {dataset.FacetNames[facet]} fans", ranked);
    }

    /// <summary>Whether an item (dense index) carries the facet: the concept whose share a suppression or nudge measures.</summary>
    public static Func<int, bool> InFacet(Dataset dataset, int facet) => i => dataset.Items[i].Facets.Contains(facet);

    private static int Hits(Dataset dataset, ReadOnlySpan<int> items, int facet)
    {
        int hits = 0;
        foreach (int i in items) if (dataset.Items[i].Facets.Contains(facet)) hits++;
        return hits;
    }

    private static Audience ParseFacet(string rest, Dataset dataset, DatasetSplit split)
    {
        int count = 50;
        int colon = rest.LastIndexOf(':');
        if (colon >= 0 && int.TryParse(rest[(colon + 1)..], out int n))
        {
            count = Validation.InputBounds.Count(n, "audience size");
            rest = rest[..colon];
        }
        int facet = FacetIndex(dataset, rest);
        return FacetFans(dataset, split, facet, count);
    }

    /// <summary>A facet by name, case-insensitive; throws naming the known facets.</summary>
    public static int FacetIndex(Dataset dataset, string name)
    {
        for (int g = 0; g < dataset.FacetNames.Count; g++)
            if (string.Equals(dataset.FacetNames[g], name.Trim(), StringComparison.OrdinalIgnoreCase)) return g;
        throw new ArgumentException($"Unknown {dataset.FacetKind} '{name}'; known: {string.Join(", ", dataset.FacetNames.Take(30))}.");
    }

    private static Audience Segment(string description, Dataset dataset, DatasetSplit split, Func<UserInfo, bool> keep)
    {
        var users = split.TestUsers.Where(u => keep(dataset.Users[u])).ToArray();
        if (users.Length == 0) throw new ArgumentException($"No test user matches {description} (demographics exist for ML-1M only).");
        return new Audience($"{users.Length} test users, {description}", users);
    }

    private static Audience OneUser(Dataset dataset, int id)
    {
        var user = dataset.Users.FirstOrDefault(u => u.Id == id) ?? throw new ArgumentException($"No user with id {id}.");
        return new Audience($"user {id}", [user.Index]);
    }
}
