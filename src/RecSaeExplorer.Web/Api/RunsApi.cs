using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Api;

/// <summary><c>/api/v1/runs</c>: stored recommenders and SAEs (the Runs page's rows), and one run whole.</summary>
internal static class RunsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", (RunCatalog runs, string? kind, string? dataset, int? offset, int? limit) =>
        {
            string? k = Bounds.OneOf<string?>("kind", kind, null, ("recommender", RunStore.RecommenderKind), ("sae", RunStore.SaeKind));
            Bounds.Text("dataset", dataset, 100);
            var rows = runs.List(k).Where(r => dataset is null || string.Equals(r.DatasetName, dataset, StringComparison.OrdinalIgnoreCase))
                .Select(RunSummary.Of);
            return Paging.Of(rows, offset, limit);
        }).WithName("ListRuns").WithSummary("Runs, newest first, with their headline metrics; filter by kind (recommender|sae) and dataset.")
          .ProducesValidationProblem();

        group.MapGet("/{runId}", (HttpContext context, RunCatalog runs, string runId) =>
        {
            Bounds.Text("runId", runId, 200);
            var run = runs.Find(runId) ?? throw new ApiNotFound($"No run '{runId}'.");
            return ETags.Json(context, run);
        }).WithName("GetRun").WithSummary("One run (id or unique prefix): config, metrics, losses. ETag; If-None-Match answers 304.")
          .Produces<RunInfo>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
    }
}
