using System.Text;
using RecSaeExplorer.Engine.Governance;

namespace RecSaeExplorer.Web.Governance;

/// <summary>The audit trail as a CSV download, for admins only (the ViewAudit policy), rate limited like the other exports.</summary>
public static class AuditExport
{
    public const string Route = "/admin/audit.csv";

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, (AuditLog audit) =>
                Results.File(Encoding.UTF8.GetBytes(AuditCsv.ToText(audit.Entries())), "text/csv; charset=utf-8", "audit.csv"))
            .RequireAuthorization(nameof(Permission.ViewAudit))
            .RequireRateLimiting(Identity.AccountEndpoints.HeavyPolicy);
        return endpoints;
    }
}
