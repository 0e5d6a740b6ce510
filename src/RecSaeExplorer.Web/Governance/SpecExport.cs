using System.Text;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Web.Security;

namespace RecSaeExplorer.Web.Governance;

/// <summary>An approved proposal's intervention spec as a JSON download (analysts and up; refused otherwise).</summary>
public static class SpecExport
{
    public static string Route(string experimentId) => $"proposals/{Uri.EscapeDataString(experimentId)}/spec.json";

    public static IEndpointRouteBuilder MapSpecExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/proposals/{id}/spec.json", (string id, HttpContext http, ProposalService proposals, IOptions<SecurityOptions> options) =>
            {
                if (id.Length > 64) return Results.BadRequest();
                try
                {
                    var spec = proposals.ExportSpec(Actor.Of(http.User, options.Value.AnonymousViewer), id);
                    return Results.File(Encoding.UTF8.GetBytes(spec.ToJson()), "application/json; charset=utf-8", $"intervention-{id}.json");
                }
                catch (ForbiddenActionException e)
                {
                    return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden);
                }
            })
            .RequireAuthorization(nameof(Permission.SaveExperiment))
            .RequireRateLimiting(Identity.AccountEndpoints.HeavyPolicy);
        return endpoints;
    }
}
