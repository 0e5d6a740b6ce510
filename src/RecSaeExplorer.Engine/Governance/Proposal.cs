namespace RecSaeExplorer.Engine.Governance;

public enum ProposalStatus { Draft, Submitted, Approved, Rejected, Withdrawn }

/// <summary>A comment or a state change on a proposal, by whom and when.</summary>
public sealed class ProposalEvent
{
    public DateTime Utc { get; set; }
    public string Who { get; set; } = "";
    public ProposalStatus? From { get; set; }
    public ProposalStatus? To { get; set; }
    public string Comment { get; set; } = "";
}

/// <summary>
/// The four-eyes record of a saved experiment (same id): its state, who drafted, submitted and reviewed it, and
/// the facts the lab measured when it was saved that the exported spec carries (guardrail count, pushed-out items).
/// </summary>
public sealed class Proposal
{
    public string Id { get; set; } = "";
    public ProposalStatus Status { get; set; } = ProposalStatus.Draft;
    public string Author { get; set; } = "";
    public string? Submitter { get; set; }
    public string? Reviewer { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }

    /// <summary>Audience users whose reconstruction fails the fidelity guardrail at save time.</summary>
    public int GuardrailFlagged { get; set; }

    /// <summary>Dataset ids of the items the edit pushed out of the audience's lists at save time.</summary>
    public List<int> PushedOutItems { get; set; } = [];

    public List<ProposalEvent> History { get; set; } = [];
}
