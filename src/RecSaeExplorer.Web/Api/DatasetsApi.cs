using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Web.Datasets;

namespace RecSaeExplorer.Web.Api;

/// <summary>A catalog dataset and whether its files are on disk.</summary>
public sealed record DatasetEntry(string Name, string Description, bool Present);

/// <summary><c>/api/v1/datasets</c>: the catalog and each dataset's stats (the home page's numbers).</summary>
internal static class DatasetsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", (DatasetCatalog catalog, DatasetService datasets) =>
        {
            var present = datasets.Available().Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return catalog.Loaders.Select(l => new DatasetEntry(l.Name, l.Description, present.Contains(l.Name))).ToList();
        }).WithName("ListDatasets").WithSummary("The dataset catalog and which datasets are on disk.");

        group.MapGet("/{name}/stats", async (string name, DatasetService datasets, CancellationToken ct) =>
        {
            Bounds.Text("name", name, 100);
            if (datasets.DescriptionOf(name) is null) throw new ApiNotFound($"Unknown dataset '{name}'.");
            return await datasets.GetStatsAsync(name, ct);
        }).WithName("GetDatasetStats").WithSummary("Users, items, interactions, density, facet and decade counts.")
          .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
