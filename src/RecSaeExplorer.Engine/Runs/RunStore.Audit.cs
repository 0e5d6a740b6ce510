using LiteDB;
using RecSaeExplorer.Engine.Governance;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>The audit trail: append and read only; nothing in the product updates or deletes an entry.</summary>
public sealed partial class RunStore : IAuditTrail
{
    private const string AuditCollection = "audit";

    private ILiteCollection<AuditEntry> Audit => _db.GetCollection<AuditEntry>(AuditCollection);

    /// <summary>Appends an entry (its id, time and hashes are set here) and returns it as stored.</summary>
    public AuditEntry AppendAudit(string actor, string action, string target, string? before = null, string? after = null)
    {
        _db.BeginTrans();
        try
        {
            var last = Audit.Query().OrderByDescending(e => e.Id).FirstOrDefault();
            var entry = new AuditEntry
            {
                Id = (last?.Id ?? 0) + 1, Utc = DateTime.UtcNow, Actor = actor, Action = action, Target = target,
                Before = before, After = after, PreviousHash = last?.Hash ?? "",
            };
            // LiteDB keeps milliseconds: hash what will be read back.
            entry.Utc = entry.Utc.AddTicks(-(entry.Utc.Ticks % TimeSpan.TicksPerMillisecond));
            entry.Hash = AuditChain.HashOf(entry);
            Audit.Insert(entry);
            _db.Commit();
            return entry;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    void IAuditTrail.Append(string actor, string action, string target, string? before, string? after) =>
        AppendAudit(actor, action, target, before, after);

    /// <summary>Entries oldest first (the chain's order).</summary>
    public IReadOnlyList<AuditEntry> AuditTrail() =>
        Audit.Query().OrderBy(e => e.Id).ToList().Select(e => { e.Utc = DateTime.SpecifyKind(e.Utc.ToUniversalTime(), DateTimeKind.Utc); e.PreviousHash ??= ""; return e; }).ToList();
}
