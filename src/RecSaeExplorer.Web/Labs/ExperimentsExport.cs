using System.Text;
using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Runs.Integrity;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Labs;

/// <summary>The experiments log as a CSV download (a plain GET, so the browser saves it without script).</summary>
public static class ExperimentsExport
{
    public const string Route = "experiments.csv";

    public static string Csv(RunCatalog runs, string? runId = null) => ExperimentCsv.ToText(runs.Experiments(runId));

    public static IEndpointRouteBuilder MapExperimentsExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"/{Route}", (RunCatalog runs, string? run) =>
        {
            try
            {
                return Results.File(Encoding.UTF8.GetBytes(Csv(runs, run)), "text/csv; charset=utf-8", "experiments.csv");
            }
            catch (StoreException e)
            {
                return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).RequireRateLimiting(Identity.AccountEndpoints.HeavyPolicy);
        return endpoints;
    }
}
