namespace RecSaeExplorer.Engine.Governance;

/// <summary>
/// The four-eyes rules, independent of storage and UI. draft → submitted (a governor) → approved or rejected
/// (a governor who is neither the author nor the submitter); the author or submitter may withdraw before a decision.
/// </summary>
public static class ProposalWorkflow
{
    /// <summary>Null when <paramref name="who"/> (acting as a governor or not) may move the proposal to <paramref name="to"/>; otherwise why not.</summary>
    public static string? Refusal(Proposal p, ProposalStatus to, string who, bool isGovernor)
    {
        return (p.Status, to) switch
        {
            (ProposalStatus.Draft, ProposalStatus.Submitted) => isGovernor ? null : "Only a governor can submit a proposal for review.",
            (ProposalStatus.Submitted, ProposalStatus.Approved or ProposalStatus.Rejected) when !isGovernor => "Only a governor can decide on a proposal.",
            (ProposalStatus.Submitted, ProposalStatus.Approved or ProposalStatus.Rejected) when Same(who, p.Author) || Same(who, p.Submitter) =>
                "Four eyes: the author or submitter of a proposal cannot decide on it; another governor must.",
            (ProposalStatus.Submitted, ProposalStatus.Approved or ProposalStatus.Rejected) => null,
            (ProposalStatus.Draft or ProposalStatus.Submitted, ProposalStatus.Withdrawn) =>
                Same(who, p.Author) || Same(who, p.Submitter) ? null : "Only the author or submitter can withdraw a proposal.",
            _ => $"A {p.Status.ToString().ToLowerInvariant()} proposal cannot become {to.ToString().ToLowerInvariant()}.",
        };
    }

    /// <summary>Applies a permitted transition (call <see cref="Refusal"/> first) and records it with its comment.</summary>
    public static void Apply(Proposal p, ProposalStatus to, string who, string comment, DateTime utc)
    {
        if (to == ProposalStatus.Submitted) p.Submitter = who;
        if (to is ProposalStatus.Approved or ProposalStatus.Rejected)
        {
            p.Reviewer = who;
            p.DecidedUtc = utc;
        }
        p.History.Add(new ProposalEvent { Utc = utc, Who = who, From = p.Status, To = to, Comment = comment });
        p.Status = to;
        p.UpdatedUtc = utc;
    }

    private static bool Same(string a, string? b) => b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
