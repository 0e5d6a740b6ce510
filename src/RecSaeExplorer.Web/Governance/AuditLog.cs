using RecSaeExplorer.Engine.Governance;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Governance;

/// <summary>The explorer's handle on the audit trail in the store. Appending never throws into the action it records.</summary>
public sealed class AuditLog(RunCatalog catalog, ILogger<AuditLog> logger) : IAuditTrail
{
    public event Action? Appended;

    public void Append(string actor, string action, string target, string? before = null, string? after = null)
    {
        try
        {
            catalog.Use(s => s.AppendAudit(actor, action, target, before, after));
            Appended?.Invoke();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not append audit entry {Action} on {Target} by {Actor}", action, target, actor);
        }
    }

    public IReadOnlyList<AuditEntry> Entries() => catalog.Use(s => s.AuditTrail());
}
