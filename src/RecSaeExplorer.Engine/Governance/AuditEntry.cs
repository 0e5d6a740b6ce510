using System.Security.Cryptography;
using System.Text;

namespace RecSaeExplorer.Engine.Governance;

/// <summary>
/// One state-changing action: who did what to which thing, when, and the value before and after.
/// Entries are chained (each hash covers the previous one), so an edit or deletion made to the file
/// outside the product shows up in <see cref="AuditChain.Verify"/>.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3… in the order appended.</summary>
    public long Id { get; set; }
    public DateTime Utc { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>Well-known audit actions.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string TrainingQueued = "training-queued";
    public const string TrainingCancelled = "training-cancelled";
    public const string RunDeleted = "run-deleted";
    public const string NeuronRenamed = "neuron-renamed";
    public const string ExperimentSaved = "experiment-saved";
    public const string ProposalState = "proposal-state";
    public const string SpecExported = "spec-exported";
    public const string SpecImported = "spec-imported";
    public const string UserManaged = "user-managed";
}

public static class AuditChain
{
    public static string HashOf(AuditEntry e)
    {
        string text = string.Join('\u001f', e.Id, e.Utc.Ticks, e.Actor, e.Action, e.Target, e.Before ?? "\u0000", e.After ?? "\u0000", e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The id of the first entry whose hash or link does not match, or null when the chain is intact.</summary>
    public static long? Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        string previous = "";
        foreach (var e in entriesInOrder)
        {
            if ((e.PreviousHash ?? "") != previous || e.Hash != HashOf(e)) return e.Id;
            previous = e.Hash;
        }
        return null;
    }
}
