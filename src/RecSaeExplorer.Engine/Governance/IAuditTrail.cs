namespace RecSaeExplorer.Engine.Governance;

/// <summary>Where a state change is recorded: the store itself (CLI) or the explorer's serialized handle on it.</summary>
public interface IAuditTrail
{
    void Append(string actor, string action, string target, string? before = null, string? after = null);
}
