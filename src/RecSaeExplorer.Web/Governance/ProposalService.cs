using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Governance;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Governance;

/// <summary>The outcome of importing a spec against a run: accepted (with the lab link to apply it there) or refused, and why.</summary>
public sealed record SpecImport(bool Accepted, string Message, string? LabUri);

/// <summary>
/// Four-eyes proposals over saved experiments, for an explicit <see cref="Actor"/> (a circuit's or an HTTP request's),
/// so the same checks hold for the Experiments page and the spec download. Every change is audited.
/// </summary>
public sealed class ProposalService(RunCatalog catalog, AuditLog audit)
{
    public event Action? Changed;

    public Proposal? Find(string experimentId) => catalog.Use(s => s.FindProposal(experimentId));

    public IReadOnlyDictionary<string, Proposal> All() => catalog.Use(s => s.AllProposals()).ToDictionary(p => p.Id);

    /// <summary>A saved experiment starts as a draft proposal carrying the facts the lab measured.</summary>
    public Proposal CreateDraft(Experiment saved, int guardrailFlagged, IReadOnlyList<int> pushedOutItems)
    {
        var proposal = new Proposal
        {
            Id = saved.Id, Author = saved.Author, CreatedUtc = saved.CreatedUtc, UpdatedUtc = saved.CreatedUtc,
            GuardrailFlagged = guardrailFlagged, PushedOutItems = [.. pushedOutItems],
        };
        catalog.Use(s => { s.SaveProposal(proposal); return 0; });
        audit.Append(saved.Author, AuditActions.ProposalState, saved.Id, after: ProposalStatus.Draft.ToString());
        Changed?.Invoke();
        return proposal;
    }

    public Proposal Move(Actor actor, string experimentId, ProposalStatus to, string? comment)
    {
        if (!actor.IsAuthenticated) throw new ForbiddenActionException("Sign in to act on proposals.");
        var proposal = Find(experimentId) ?? throw new ForbiddenActionException($"There is no proposal '{experimentId}'.");
        if (ProposalWorkflow.Refusal(proposal, to, actor.Name, actor.Can(Permission.ReviewProposals)) is { } why) throw new ForbiddenActionException(why);
        var from = proposal.Status;
        ProposalWorkflow.Apply(proposal, to, actor.Name, (comment ?? "").Trim(), DateTime.UtcNow);
        catalog.Use(s => { s.SaveProposal(proposal); return 0; });
        audit.Append(actor.Name, AuditActions.ProposalState, experimentId, from.ToString(), to.ToString());
        Changed?.Invoke();
        return proposal;
    }

    /// <summary>The spec of an approved proposal, with the SHA-256 of the SAE and recommender weights it was made on.</summary>
    public InterventionSpec ExportSpec(Actor actor, string experimentId)
    {
        if (!actor.Can(Permission.SaveExperiment)) throw new ForbiddenActionException("Exporting a spec needs the analyst role.");
        var proposal = Find(experimentId) ?? throw new ForbiddenActionException($"There is no proposal '{experimentId}'.");
        if (proposal.Status != ProposalStatus.Approved) throw new ForbiddenActionException("Only an approved proposal exports as a spec.");
        var e = catalog.FindExperiment(experimentId) ?? throw new ForbiddenActionException($"There is no experiment '{experimentId}'.");
        var (sae, recommender) = Models(e.RunId) ?? throw new ForbiddenActionException($"The run '{e.RunId}' of this proposal is gone.");
        var spec = new InterventionSpec
        {
            ProposalId = e.Id, Kind = e.Kind.ToString().ToLowerInvariant(), Dataset = e.DatasetName, Sae = sae, Recommender = recommender,
            ItemId = e.ItemId, ItemTitle = e.ItemTitle, Neuron = e.Neuron, NeuronLabel = e.NeuronLabel, Mode = e.Mode, Level = e.Level,
            Audience = new SpecAudience(e.Audience, e.AudienceDescription, e.AudienceSize), Reached = e.Reached, Eligible = e.Eligible,
            ShareBefore = e.ShareBefore, ShareAfter = e.ShareAfter, GuardrailFlagged = proposal.GuardrailFlagged,
            PushedOutItems = proposal.PushedOutItems, Author = proposal.Author, Submitter = proposal.Submitter!, Approver = proposal.Reviewer!,
            ApprovedUtc = proposal.DecidedUtc!.Value,
        };
        audit.Append(actor.Name, AuditActions.SpecExported, e.Id, after: $"sae {sae.WeightsSha256[..12]}, recommender {recommender.WeightsSha256[..12]}");
        return spec;
    }

    /// <summary>Checks a spec against an SAE run: both weight hashes must match, else the edit was made on another model and is refused.</summary>
    public SpecImport ImportSpec(Actor actor, string json, string targetSaeRunId)
    {
        if (!actor.Can(Permission.SaveExperiment)) throw new ForbiddenActionException("Importing a spec needs the analyst role.");
        InterventionSpec spec;
        try
        {
            spec = InterventionSpec.Parse(json);
        }
        catch (FormatException bad)
        {
            return Record(actor, "?", new SpecImport(false, bad.Message, null));
        }
        if (Models(targetSaeRunId) is not var (sae, recommender))
            return Record(actor, spec.ProposalId, new SpecImport(false, $"There is no SAE run '{targetSaeRunId}'.", null));
        if (sae.WeightsSha256 != spec.Sae.WeightsSha256 || recommender.WeightsSha256 != spec.Recommender.WeightsSha256)
            return Record(actor, spec.ProposalId, new SpecImport(false,
                $"Refused: the spec was approved for SAE {spec.Sae.WeightsSha256[..12]} on recommender {spec.Recommender.WeightsSha256[..12]}; " +
                $"run {targetSaeRunId} is SAE {sae.WeightsSha256[..12]} on recommender {recommender.WeightsSha256[..12]}.", null));
        var e = catalog.FindExperiment(spec.ProposalId);
        string? lab = e is null ? null : Labs.LabExperiments.ReopenUri(e);
        return Record(actor, spec.ProposalId, new SpecImport(true, $"Accepted: run {targetSaeRunId} is the model the spec was approved for.", lab));
    }

    private SpecImport Record(Actor actor, string target, SpecImport result)
    {
        audit.Append(actor.Name, AuditActions.SpecImported, target, after: result.Message);
        return result;
    }

    private (SpecModel Sae, SpecModel Recommender)? Models(string saeRunId)
    {
        var run = catalog.Find(saeRunId);
        if (run?.ParentRunId is not { } parent) return null;
        return catalog.Use(s => (new SpecModel(run.Id, s.WeightsSha256(run.Id)), new SpecModel(parent, s.WeightsSha256(parent))));
    }
}
