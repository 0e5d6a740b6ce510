using System.Security.Cryptography;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Governance;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace RecSaeExplorer.Web.Tests.Governance;

/// <summary>Four eyes on the real store: states, identities, audit, and the spec pinned to the weights' SHA-256.</summary>
[Collection(NeuronRunsCollection.Name)]
public sealed class ProposalServiceTests(NeuronRunsFixture runs)
{
    private static readonly Actor Ana = new("ana", Roles.Analyst, true);
    private static readonly Actor Gina = new("gina", Roles.Governor, true);
    private static readonly Actor Gus = new("gus", Roles.Governor, true);
    private static readonly Actor Visitor = new(Actor.Anonymous, Roles.Viewer, false);

    [Fact]
    public void The_four_eyes_flow_exports_a_spec_that_imports_only_onto_the_same_weights()
    {
        var audit = new AuditLog(runs.Catalog, NullLogger<AuditLog>.Instance);
        var proposals = new ProposalService(runs.Catalog, audit);
        var saved = runs.Catalog.SaveExperiment(new Experiment
        {
            Id = Guid.NewGuid().ToString("N")[..12], RunId = runs.SaeId, DatasetName = runs.Sae.Dataset.Name, Kind = ExperimentKind.Promote,
            ItemId = runs.Sae.Dataset.Items[0].Id, ItemTitle = runs.Sae.Dataset.Items[0].Title, Neuron = 1, NeuronLabel = "x", Level = 2, Mode = "set",
            Audience = "test", AudienceDescription = "test users", AudienceSize = 10, Reached = 4, Eligible = 8, Summary = "reached 4 of 8",
            Author = "ana", CreatedUtc = DateTime.UtcNow, State = "run=x",
        });
        proposals.CreateDraft(saved, guardrailFlagged: 2, pushedOutItems: [11, 12]);

        Assert.Throws<ForbiddenActionException>(() => proposals.ExportSpec(Ana, saved.Id));             // not approved yet
        Assert.Throws<ForbiddenActionException>(() => proposals.Move(Visitor, saved.Id, ProposalStatus.Submitted, null));
        Assert.Throws<ForbiddenActionException>(() => proposals.Move(Ana, saved.Id, ProposalStatus.Submitted, null));
        proposals.Move(Gina, saved.Id, ProposalStatus.Submitted, "please review");
        Assert.Contains("Four eyes", Assert.Throws<ForbiddenActionException>(() => proposals.Move(Gina, saved.Id, ProposalStatus.Approved, null)).Message);
        proposals.Move(Gus, saved.Id, ProposalStatus.Approved, "approved");

        var spec = proposals.ExportSpec(Ana, saved.Id);
        string saeHash = Convert.ToHexStringLower(SHA256.HashData(runs.Catalog.Use(s => s.ReadWeights(runs.SaeId))));
        Assert.Equal(saeHash, spec.Sae.WeightsSha256);
        Assert.Equal(runs.Sae.Run.ParentRunId, spec.Recommender.RunId);
        Assert.Equal((2, "ana", "gina", "gus"), (spec.GuardrailFlagged, spec.Author, spec.Submitter, spec.Approver));
        Assert.Equal([11, 12], spec.PushedOutItems);

        var same = proposals.ImportSpec(Ana, spec.ToJson(), runs.SaeId);
        Assert.True(same.Accepted, same.Message);
        var otherModel = spec with { Sae = spec.Sae with { WeightsSha256 = new string('0', 64) } };
        var refused = proposals.ImportSpec(Ana, otherModel.ToJson(), runs.SaeId);
        Assert.False(refused.Accepted);
        Assert.Contains("Refused", refused.Message);
        Assert.False(proposals.ImportSpec(Ana, spec.ToJson(), spec.Recommender.RunId).Accepted); // not an SAE run

        var trail = audit.Entries().Where(e => e.Target == saved.Id).Select(e => (e.Actor, e.Action, e.After)).ToList();
        Assert.Equal(
        [
            ("ana", "proposal-state", "Draft"), ("gina", "proposal-state", "Submitted"), ("gus", "proposal-state", "Approved"),
            ("ana", "spec-exported", trail[3].After), ("ana", "spec-imported", same.Message), ("ana", "spec-imported", refused.Message),
        ], trail.Take(6));
    }
}
