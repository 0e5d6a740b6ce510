using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;

namespace RecSaeExplorer.Cli.Concepts;

/// <summary>JSON shapes of the concept commands (null where a number does not apply, e.g. NaN).</summary>
/// <param name="Label">The automatic label.</param>
/// <param name="Name">The name a person gave the neuron in the explorer, or null.</param>
public sealed record NeuronReport(int Index, string Label, string Kind, double Confidence, double Lift, double QValue, double? Purity10,
    double? Purity20, double? Purity50, IReadOnlyList<Share> TopFacets, IReadOnlyList<Share> Decades, double? MeanPopularityRank,
    double? PopularitySpearman, double ItemFrequency, double? UserFrequency, double? GenderEffect, double? AgeEffect, string? Name = null)
{
    public static NeuronReport Of(NeuronProfile p, string? name = null) => new(p.Index, p.Label.Text, KindName(p.Label.Kind), p.Label.Confidence,
        p.Label.Lift, p.Label.QValue, N(p.PurityAtK(10)), N(p.PurityAtK(20)), N(p.PurityAtK(50)), p.FacetMix.Take(5).ToList(),
        p.DecadeMix.Take(5).ToList(), N(p.MeanPopularityRank), N(p.PopularitySpearman), p.ItemFrequency, p.UserFrequency, p.GenderEffect, p.AgeEffect,
        name);

    /// <summary>What a person reads: the given name, with the automatic label beside it.</summary>
    public string Shown => Name is null ? Label : $"{Name} (auto: {Label})";

    public static string KindName(ConceptKind kind) => kind.ToString().ToLowerInvariant();

    public static double? N(double value) => double.IsFinite(value) ? value : null;
}

public sealed record ItemReport(int Id, string Title, string? Decade, IReadOnlyList<string> Facets, int Popularity, double Score)
{
    public static ItemReport Of(Dataset dataset, int item, double score)
    {
        var info = dataset.Items[item];
        return new ItemReport(info.Id, info.Title, info.Decade, info.Facets.Select(g => dataset.FacetNames[g]).ToList(), info.Popularity, score);
    }
}

public sealed record NeuronDetailReport(string RunId, NeuronReport Neuron, IReadOnlyList<ItemReport> TopItems, double ProbeLevel,
    IReadOnlyList<ItemReport> Probe);

public sealed record CollateralReport(int ItemId, string Title, int Users);

public sealed record PromotionLevelReport(double Level, int Eligible, int Reached, double ReachShare, int ReachedResearch,
    IReadOnlyList<CollateralReport> Collateral);

public sealed record PromotionReport(string RunId, ItemReport Item, IReadOnlyList<int> Neurons, string NeuronLabel, string Mode,
    string Audience, int AudienceSize, int Excluded, int AlreadyListed, IReadOnlyList<PromotionLevelReport> Levels, double TargetShare,
    double? MinimumLevel, double MedianStepMs, double ContextSeconds)
{
    public BenchmarkResult? Benchmark { get; init; }
}

public sealed record ShiftReport(string RunId, string Action, IReadOnlyList<int> Neurons, string NeuronLabel, double Level, string Mode,
    string On, string Audience, int AudienceSize, string Facet, double ShareBefore, double ShareAfter, double RelativeChange,
    IReadOnlyList<CollateralReport> Removed, IReadOnlyList<CollateralReport> Added)
{
    /// <summary>With --levels: the share after the edit at each level, and the level nearest 0 that cuts it by TargetCut.</summary>
    public ShiftCurveReport? Curve { get; init; }
}

public sealed record ShiftCurveReport(IReadOnlyList<ShiftPoint> Points, double TargetCut, double? ShallowestLevel)
{
    public static ShiftCurveReport Of(ShiftSweep sweep) => new(sweep.Points, sweep.TargetCut, sweep.ShallowestLevel);
}
