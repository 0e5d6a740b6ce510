using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Web.Components.Charts;
using RecSaeExplorer.Web.Concepts;

namespace RecSaeExplorer.Web.Components.Neurons;

/// <summary>An item or user with one number: its activation on a neuron, a cosine or a score.</summary>
public sealed record Scored<T>(T Entity, double Value);

/// <summary>
/// What the neuron page draws, computed once per neuron from the run's profile and codes: chart bars
/// in reading order, the top items and users with their activations, and demographic means.
/// </summary>
public sealed class NeuronView
{
    /// <summary>Tags run into the hundreds; the selectivity and mix charts keep this many.</summary>
    public const int MaxFacetBars = 30;
    public const int TopUsersShown = 15;

    private NeuronView(ExploredSae sae, int neuron)
    {
        var profile = sae.Profiles[neuron];
        var dataset = sae.Dataset;
        Profile = profile;
        bool cut = dataset.FacetNames.Count > MaxFacetBars;
        Selectivity = profile.Selectivity.Select((s, g) => new LabelValue(dataset.FacetNames[g], s)).Where(b => !cut || b.Value > 0)
            .OrderByDescending(b => b.Value).ThenBy(b => b.Label, StringComparer.Ordinal).Take(MaxFacetBars).ToList();
        FacetMix = profile.FacetMix.Take(MaxFacetBars).Select(s => new LabelValue(s.Name, s.Value)).ToList();
        DecadeMix = profile.DecadeMix.OrderBy(s => Decades.SortKey(s.Name)).Select(s => new LabelValue(s.Name, s.Value)).ToList();
        TopItems = profile.TopItems.Select(i => new Scored<ItemInfo>(dataset.Items[i], sae.ItemCodes[i, neuron])).ToList();
        TopItemPopularity = TopItems.Select(t => (double)t.Entity.Popularity).ToList();
        var users = sae.UserCodes.Column(neuron);
        TopUsers = NeuronAnalyzer.TopActive(users, TopUsersShown).Select(u => new Scored<UserInfo>(dataset.Users[u], users[u])).ToList();
        ByGender = MeanBy(dataset, users, u => u.Gender is "F" ? "women" : u.Gender is "M" ? "men" : null, _ => 0);
        ByAge = MeanBy(dataset, users, u => u.AgeBand, AgeBands.SortKey);
    }

    public NeuronProfile Profile { get; }

    /// <summary>Facets by selectivity, most selective first (1.0 = the neuron's average over all items).</summary>
    public IReadOnlyList<LabelValue> Selectivity { get; }

    /// <summary>Shares of the top items carrying each facet, largest first.</summary>
    public IReadOnlyList<LabelValue> FacetMix { get; }

    /// <summary>Shares of the top items per release decade, oldest first.</summary>
    public IReadOnlyList<LabelValue> DecadeMix { get; }

    public IReadOnlyList<Scored<ItemInfo>> TopItems { get; }
    public IReadOnlyList<double> TopItemPopularity { get; }
    public IReadOnlyList<Scored<UserInfo>> TopUsers { get; }

    /// <summary>Mean user activation per gender and per age band; empty where the dataset has no demographics.</summary>
    public IReadOnlyList<LabelValue> ByGender { get; }
    public IReadOnlyList<LabelValue> ByAge { get; }

    public static NeuronView Of(ExploredSae sae, int neuron) => new(sae, neuron);

    private static List<LabelValue> MeanBy(Dataset dataset, double[] users, Func<UserInfo, string?> group, Func<string, int> order) =>
        dataset.Users.Where(u => group(u) is not null).GroupBy(u => group(u)!)
            .OrderBy(g => order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LabelValue(g.Key, g.Average(u => users[u.Index]))).ToList();
}
