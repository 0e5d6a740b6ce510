using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Web.Showcase;

/// <summary>Which neuron and item each home-page story shows, chosen from a run's measured profiles (no LibTorch).</summary>
public static class ShowcasePicks
{
    /// <summary>Neurons firing on more than this share of items read as "everything", not as a concept.</summary>
    public const double MaxItemFrequency = 0.3;

    /// <summary>
    /// A neuron a newcomer reads at a glance: labelled with a facet, firing on a minority of items (when any does),
    /// with the purest top-20 (label confidence breaks ties). Null when no neuron is labelled.
    /// </summary>
    public static NeuronProfile? CleanNeuron(IReadOnlyList<NeuronProfile> profiles) => CleanNeurons(profiles).FirstOrDefault();

    /// <summary>Every facet-labelled neuron, cleanest first (the order of <see cref="CleanNeuron"/>).</summary>
    public static IEnumerable<NeuronProfile> CleanNeurons(IReadOnlyList<NeuronProfile> profiles) =>
        profiles.Where(p => p.Label.Kind == ConceptKind.Facet)
            .OrderBy(p => p.ItemFrequency <= MaxItemFrequency ? 0 : 1)
            .ThenByDescending(p => Zero(p.PurityAtK(20))).ThenByDescending(p => p.Label.Confidence).ThenBy(p => p.Index);

    /// <summary>
    /// The neuron that carries any of <paramref name="facets"/> best: one labelled with it (most confident first),
    /// else the live neuron most selective for the first facet the dataset has
    /// (among those firing on a minority of items, when any does). Null when the dataset has none of them.
    /// </summary>
    public static NeuronProfile? NeuronFor(IReadOnlyList<NeuronProfile> profiles, Dataset dataset, IReadOnlyList<string> facets)
    {
        var labelled = profiles
            .Where(p => p.Label.Kind == ConceptKind.Facet && facets.Contains(p.Label.Name, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Label.Confidence).ThenBy(p => p.Index).FirstOrDefault();
        if (labelled is not null) return labelled;
        int facet = FirstFacet(dataset, facets);
        if (facet < 0) return null;
        return profiles.Where(p => !p.IsDead && facet < p.Selectivity.Count)
            .OrderBy(p => p.ItemFrequency <= MaxItemFrequency ? 0 : 1)
            .ThenByDescending(p => Zero(p.Selectivity[facet])).ThenBy(p => p.Index).FirstOrDefault();
    }

    /// <summary>The index of the first of <paramref name="facets"/> the dataset has, or -1.</summary>
    public static int FirstFacet(Dataset dataset, IReadOnlyList<string> facets)
    {
        foreach (string name in facets)
            for (int g = 0; g < dataset.FacetNames.Count; g++)
                if (string.Equals(dataset.FacetNames[g], name, StringComparison.OrdinalIgnoreCase)) return g;
        return -1;
    }

    private static double Zero(double value) => double.IsFinite(value) ? value : 0;
}
