namespace RecSaeExplorer.Core.Concepts;

/// <summary>
/// How broad the concepts of one block of latents [From, To) are. A Matryoshka SAE's early latents must
/// reconstruct on their own, so they should fire on more items, favour popular ones and cover broad
/// facets; later latents refine with narrower, nicher concepts.
/// </summary>
/// <param name="MeanItemFrequency">Mean share of items a live latent fires on.</param>
/// <param name="MeanPopularityRank">Mean over live latents of their top items' mean popularity rank (1 = most popular).</param>
/// <param name="DistinctDominantFacets">Distinct facets that are some live latent's most frequent facet among its top items.</param>
/// <param name="MeanFacetsPerLatent">Mean number of facets carried by ≥ 10% of a live latent's top items (breadth of one latent).</param>
public sealed record PrefixGroup(int From, int To, int Alive, int Labelled, double MeanItemFrequency, double MeanPopularityRank,
    int DistinctDominantFacets, double MeanFacetsPerLatent)
{
    public string Range => $"{From}–{To - 1}";
}

public static class PrefixBreadth
{
    private const double FacetPresence = 0.10;

    /// <summary>Groups latents at the Matryoshka prefix ends (e.g. 16, 32, 64 → [0,16), [16,32), [32,64)).</summary>
    public static IReadOnlyList<PrefixGroup> Of(IReadOnlyList<NeuronProfile> profiles, IReadOnlyList<int> prefixEnds)
    {
        if (prefixEnds.Count == 0) throw new ArgumentException("At least one prefix end is needed.", nameof(prefixEnds));
        if (prefixEnds.Zip(prefixEnds.Skip(1)).Any(t => t.First >= t.Second) || prefixEnds[0] <= 0 || prefixEnds[^1] > profiles.Count)
            throw new ArgumentException($"Prefix ends must increase within 1..{profiles.Count}.", nameof(prefixEnds));
        int from = 0;
        var groups = new List<PrefixGroup>(prefixEnds.Count);
        foreach (int to in prefixEnds)
        {
            groups.Add(Group(profiles, from, to));
            from = to;
        }
        return groups;
    }

    private static PrefixGroup Group(IReadOnlyList<NeuronProfile> profiles, int from, int to)
    {
        var alive = profiles.Skip(from).Take(to - from).Where(p => !p.IsDead && p.FacetMix.Count > 0).ToList();
        return new PrefixGroup(from, to, alive.Count,
            alive.Count(p => p.Label.Kind is not (ConceptKind.Dead or ConceptKind.Mixed)),
            Mean(alive.Select(p => p.ItemFrequency)),
            Mean(alive.Select(p => p.MeanPopularityRank).Where(double.IsFinite)),
            alive.Select(p => p.FacetMix[0].Name).Distinct(StringComparer.Ordinal).Count(),
            Mean(alive.Select(p => (double)p.FacetMix.Count(s => s.Value >= FacetPresence))));
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }
}
