using LiteDB;
using RecSaeExplorer.Engine.Governance;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>Proposals (the four-eyes state of saved experiments), keyed by experiment id.</summary>
public sealed partial class RunStore
{
    private const string ProposalsCollection = "proposals";

    private ILiteCollection<Proposal> Proposals => _db.GetCollection<Proposal>(ProposalsCollection);

    public Proposal? FindProposal(string experimentId) => Proposals.FindById(experimentId);

    public IReadOnlyList<Proposal> AllProposals() => Proposals.FindAll().ToList();

    public void SaveProposal(Proposal proposal) => Proposals.Upsert(proposal);
}
