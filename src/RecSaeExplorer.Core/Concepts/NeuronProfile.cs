namespace RecSaeExplorer.Core.Concepts;

/// <summary>A named share, e.g. ("Horror", 0.82) of a neuron's top items.</summary>
public sealed record Share(string Name, double Value);

/// <summary>Purity@K: the share of the K top items carrying the label's concept.</summary>
public sealed record PurityAt(int K, double Value);

/// <summary>
/// A neuron's automatic label. <see cref="Lift"/> = share in the top-N ÷ share in the catalogue;
/// <see cref="PValue"/> the hypergeometric upper tail; <see cref="QValue"/> its BH adjustment over every
/// (neuron, concept) test of the run. <see cref="Confidence"/> = (1 − q) · max(0, (share − base) / (1 − base)):
/// 1 for a significant neuron whose top-N all carry the concept, 0 at chance level or for dead / mixed neurons.
/// </summary>
public sealed record ConceptLabel(ConceptKind Kind, string Name, string? Secondary, double Share, double BaseRate, double Lift,
    double PValue, double QValue, double Confidence)
{
    /// <summary>What a UI shows, e.g. "Children's/Animation".</summary>
    public string Text => Secondary is null ? Name : $"{Name}/{Secondary}";

    public static ConceptLabel Dead { get; } = new(ConceptKind.Dead, "dead", null, 0, 0, 0, 1, 1, 0);
}

/// <summary>
/// Everything measured about one neuron. Top lists hold only items with z &gt; 0, so a sparse neuron's
/// top-N may be shorter than N (purity and mixes are shares of what is there).
/// </summary>
/// <param name="Selectivity">Per facet (in <c>FacetNames</c> order): mean activation on the facet's items ÷ mean over all items.</param>
/// <param name="MeanPopularityRank">Mean popularity rank (1 = most popular) of the top-500 items.</param>
/// <param name="PopularitySpearman">Spearman correlation of activation with popularity over all items.</param>
/// <param name="GenderEffect">Cohen's d of user activation, women minus men (pooled sd); null without gender data.</param>
/// <param name="AgeEffect">η² (between-band share of the variance of user activation) over age bands; null without ages.</param>
public sealed record NeuronProfile(
    int Index,
    ConceptLabel Label,
    double ItemFrequency,
    double? UserFrequency,
    double MaxActivation,
    IReadOnlyList<double> Selectivity,
    IReadOnlyList<Share> FacetMix,
    IReadOnlyList<Share> DecadeMix,
    IReadOnlyList<PurityAt> Purity,
    double MeanPopularityRank,
    double PopularitySpearman,
    double? GenderEffect,
    double? AgeEffect,
    IReadOnlyList<int> TopItems)
{
    public bool IsDead => Label.Kind == ConceptKind.Dead;

    /// <summary>Purity at <paramref name="k"/>, NaN when it was not computed.</summary>
    public double PurityAtK(int k) => Purity.FirstOrDefault(p => p.K == k)?.Value ?? double.NaN;
}
