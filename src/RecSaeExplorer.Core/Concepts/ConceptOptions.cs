using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Core.Concepts;

/// <summary>How neurons are profiled and labelled (defaults follow METHOD.md §4).</summary>
public sealed record ConceptOptions
{
    /// <summary>Top items whose facet mix labels a neuron: 200 for movies, 50 for Last.FM artists.</summary>
    public int TopN { get; init; } = 200;

    public int DecadeTopN { get; init; } = 200;
    public int PopularityTopN { get; init; } = 500;
    public IReadOnlyList<int> PurityKs { get; init; } = [10, 20, 50];

    /// <summary>False-discovery rate for a label to count as significant (BH q-value).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>
    /// A label must cover at least this share of the top-N: otherwise a rare facet holding a handful of
    /// the top items would win on lift alone.
    /// </summary>
    public double MinShare { get; init; } = 0.2;

    /// <summary>"popular" = the most-interacted 10% of items; "niche" = the least-interacted 25%.</summary>
    public double PopularShare { get; init; } = 0.1;
    public double NicheShare { get; init; } = 0.25;

    /// <summary>A second eligible concept joins the label ("Children's/Animation", "1980s/Comedy") when its lift is at least this share of the first's.</summary>
    public double SecondaryLiftRatio { get; init; } = 0.5;

    public static ConceptOptions For(Dataset dataset) => dataset.FacetKind == "tag" ? new ConceptOptions { TopN = 50 } : new ConceptOptions();
}
