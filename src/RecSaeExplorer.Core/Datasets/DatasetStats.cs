namespace RecSaeExplorer.Core.Datasets;

/// <summary>Summary numbers of a dataset, as shown by <c>recsae data stats</c> and the explorer's home page.</summary>
public sealed record DatasetStats(
    string Name,
    int Users,
    int Items,
    int ListedItems,
    int Interactions,
    double Density,
    IReadOnlyList<LabelCount> Facets,
    IReadOnlyList<LabelCount> Decades)
{
    public static DatasetStats Of(Dataset dataset)
    {
        var facetCounts = new int[dataset.FacetNames.Count];
        var decadeCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in dataset.Items)
        {
            foreach (int facet in item.Facets) facetCounts[facet]++;
            if (item.Decade is { } decade) decadeCounts[decade] = decadeCounts.GetValueOrDefault(decade) + 1;
        }
        var facets = dataset.FacetNames
            .Select((name, i) => new LabelCount(name, facetCounts[i]))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.Ordinal)
            .ToList();
        var decades = decadeCounts.OrderBy(d => Datasets.Decades.SortKey(d.Key)).Select(d => new LabelCount(d.Key, d.Value)).ToList();
        return new DatasetStats(dataset.Name, dataset.Users.Count, dataset.Items.Count,
            dataset.ListedItemCount, dataset.Interactions.Count, dataset.Interactions.Density, facets, decades);
    }
}

public sealed record LabelCount(string Label, int Count);
