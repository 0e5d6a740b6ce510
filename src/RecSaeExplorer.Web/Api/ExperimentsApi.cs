using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Api;

/// <summary><c>/api/v1/experiments</c>: the audit log the labs save to (the Experiments page), newest first.</summary>
internal static class ExperimentsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", (RunCatalog runs, string? run, int? offset, int? limit) =>
        {
            Bounds.Text("run", run, 200);
            return Paging.Of(runs.Experiments(string.IsNullOrEmpty(run) ? null : run), offset, limit);
        }).WithName("ListExperiments").WithSummary("Saved experiments (with their lab state), newest first; run filters by run id.")
          .ProducesValidationProblem();

        group.MapGet("/{id}", (RunCatalog runs, string id) =>
        {
            Bounds.Text("id", id, 100);
            return runs.FindExperiment(id) ?? throw new ApiNotFound($"No experiment '{id}'.");
        }).WithName("GetExperiment").WithSummary("One saved experiment.").Produces<Experiment>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
