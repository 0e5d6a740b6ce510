using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Core.Concepts;

public enum ConceptKind
{
    Facet,
    Decade,
    Popularity,

    /// <summary>Active, but no concept is significant and common enough among its top items.</summary>
    Mixed,

    /// <summary>Never fires on any item or user.</summary>
    Dead,
}

/// <summary>A set of items a neuron may stand for: a facet, a decade, or the popular / niche items.</summary>
public sealed record ConceptCandidate(ConceptKind Kind, string Name, bool[] Members)
{
    public int Count { get; } = Members.Count(m => m);

    /// <summary>Every facet, every decade present, and "popular" / "niche" (by popularity rank).</summary>
    public static IReadOnlyList<ConceptCandidate> Of(Dataset dataset, ConceptOptions options)
    {
        int n = dataset.Items.Count;
        var list = new List<ConceptCandidate>();
        for (int g = 0; g < dataset.FacetNames.Count; g++)
        {
            int facet = g;
            list.Add(new(ConceptKind.Facet, dataset.FacetNames[g], dataset.Items.Select(i => i.Facets.Contains(facet)).ToArray()));
        }
        foreach (string decade in dataset.Items.Select(i => i.Decade).OfType<string>().Distinct().OrderBy(Decades.SortKey))
            list.Add(new(ConceptKind.Decade, decade, dataset.Items.Select(i => i.Decade == decade).ToArray()));
        int[] rank = PopularityRanks(dataset);
        int popular = (int)Math.Ceiling(options.PopularShare * n), niche = (int)Math.Ceiling(options.NicheShare * n);
        list.Add(new(ConceptKind.Popularity, "popular", rank.Select(r => r <= popular).ToArray()));
        list.Add(new(ConceptKind.Popularity, "niche", rank.Select(r => r > n - niche).ToArray()));
        return list.Where(c => c.Count > 0).ToList();
    }

    /// <summary>1 = the most popular item; ties broken by index so ranks are a permutation.</summary>
    public static int[] PopularityRanks(Dataset dataset)
    {
        var order = Enumerable.Range(0, dataset.Items.Count).OrderByDescending(i => dataset.Items[i].Popularity).ThenBy(i => i).ToArray();
        var rank = new int[order.Length];
        for (int r = 0; r < order.Length; r++) rank[order[r]] = r + 1;
        return rank;
    }
}
