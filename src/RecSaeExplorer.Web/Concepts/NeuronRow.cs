using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Web.Concepts;

/// <summary>One neuron as the neurons grid shows it: flat, sortable values taken from its profile.</summary>
public sealed record NeuronRow(
    int Index,
    string Label,
    string AutoLabel,
    bool IsNamed,
    double Confidence,
    double QValue,
    double Purity20,
    string TopFacets,
    string? DominantDecade,
    double MeanPopularityRank,
    double PopularitySpearman,
    double ItemFrequency,
    double? UserFrequency,
    double? Monosemanticity,
    bool IsDead)
{
    /// <summary>How many facets of the top items' mix the grid names.</summary>
    public const int FacetsShown = 3;

    public bool ActiveOnItems => ItemFrequency > 0;
    public bool ActiveOnUsers => UserFrequency > 0;

    /// <summary>True when <paramref name="text"/> occurs in the label, the automatic label or the top facets.</summary>
    public bool Matches(string? text) => string.IsNullOrWhiteSpace(text)
        || Label.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)
        || AutoLabel.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)
        || TopFacets.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase);

    public static NeuronRow Of(ExploredSae sae, int k, IReadOnlyList<double>? monosemanticity)
    {
        var p = sae.Profiles[k];
        return new NeuronRow(k, sae.LabelOf(k), p.Label.Text, sae.NameOf(k) is not null, p.Label.Confidence, p.Label.QValue,
            p.PurityAtK(20), string.Join(", ", p.FacetMix.Take(FacetsShown).Select(s => s.Name)), p.DecadeMix.FirstOrDefault()?.Name,
            p.MeanPopularityRank, p.PopularitySpearman, p.ItemFrequency, p.UserFrequency,
            monosemanticity is { } ms && k < ms.Count ? ms[k] : null, p.IsDead);
    }

    /// <summary>Every neuron of the run, with MS from the stored SAE metrics when they hold it.</summary>
    public static IReadOnlyList<NeuronRow> All(ExploredSae sae)
    {
        var ms = MonosemanticityOf(sae);
        return Enumerable.Range(0, sae.Width).Select(k => Of(sae, k, ms)).ToList();
    }

    /// <summary>MS per neuron from the run's stored metrics, or null.</summary>
    public static IReadOnlyList<double>? MonosemanticityOf(ExploredSae sae) =>
        sae.Record.SaeMetrics?.MonosemanticityPerNeuron is { Length: > 0 } ms ? ms : null;
}
