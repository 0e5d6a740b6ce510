using RecSaeExplorer.Engine.Governance;

namespace RecSaeExplorer.Engine.Tests.Governance;

public sealed class ProposalWorkflowTests
{
    private static readonly DateTime T0 = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Analyst_drafts_governor_submits_cannot_approve_and_a_second_governor_approves()
    {
        var p = new Proposal { Id = "exp-1", Author = "ana", CreatedUtc = T0 };

        Assert.NotNull(ProposalWorkflow.Refusal(p, ProposalStatus.Submitted, "ana", isGovernor: false));
        Assert.Null(ProposalWorkflow.Refusal(p, ProposalStatus.Submitted, "gina", isGovernor: true));
        ProposalWorkflow.Apply(p, ProposalStatus.Submitted, "gina", "looks fine", T0.AddMinutes(1));

        Assert.Contains("Four eyes", ProposalWorkflow.Refusal(p, ProposalStatus.Approved, "gina", true));
        Assert.Contains("Four eyes", ProposalWorkflow.Refusal(p, ProposalStatus.Approved, "GINA", true));
        Assert.NotNull(ProposalWorkflow.Refusal(p, ProposalStatus.Approved, "bob", isGovernor: false));
        Assert.Null(ProposalWorkflow.Refusal(p, ProposalStatus.Approved, "gus", true));
        ProposalWorkflow.Apply(p, ProposalStatus.Approved, "gus", "ok", T0.AddMinutes(2));

        Assert.Equal((ProposalStatus.Approved, "ana", "gina", "gus", T0.AddMinutes(2)), (p.Status, p.Author, p.Submitter, p.Reviewer, p.DecidedUtc));
        Assert.Equal([ProposalStatus.Submitted, ProposalStatus.Approved], p.History.Select(h => h.To!.Value));
        Assert.Equal("looks fine", p.History[0].Comment);
        Assert.NotNull(ProposalWorkflow.Refusal(p, ProposalStatus.Withdrawn, "ana", false));
        Assert.NotNull(ProposalWorkflow.Refusal(p, ProposalStatus.Rejected, "gus", true));
    }

    [Fact]
    public void A_governor_never_approves_their_own_draft_and_only_author_or_submitter_withdraw()
    {
        var p = new Proposal { Id = "exp-2", Author = "gina", CreatedUtc = T0 };
        ProposalWorkflow.Apply(p, ProposalStatus.Submitted, "gina", "", T0);
        Assert.NotNull(ProposalWorkflow.Refusal(p, ProposalStatus.Approved, "gina", true));
        Assert.NotNull(ProposalWorkflow.Refusal(p, ProposalStatus.Withdrawn, "gus", true));
        Assert.Null(ProposalWorkflow.Refusal(p, ProposalStatus.Rejected, "gus", true));
        Assert.Null(ProposalWorkflow.Refusal(p, ProposalStatus.Withdrawn, "gina", true));
    }

    [Fact]
    public void A_spec_round_trips_as_json_and_other_text_is_refused()
    {
        var spec = new InterventionSpec
        {
            ProposalId = "exp-1", Kind = "promote", Dataset = "ml-latest-small", Sae = new SpecModel("sae-1", new string('a', 64)),
            Recommender = new SpecModel("mf-1", new string('b', 64)), ItemId = 1, ItemTitle = "Toy Story (1995)", Neuron = 7, NeuronLabel = "Children's",
            Mode = "set", Level = 2.5, Audience = new SpecAudience("facet:Children's:50", "50 fans", 50), Reached = 30, Eligible = 40,
            GuardrailFlagged = 3, PushedOutItems = [5, 9], Author = "ana", Submitter = "gina", Approver = "gus", ApprovedUtc = T0,
        };
        var back = InterventionSpec.Parse(spec.ToJson());
        Assert.Equal(spec.Sae, back.Sae);
        Assert.Equal([5, 9], back.PushedOutItems);
        Assert.Equal((30, 40, 3, "gus"), (back.Reached!.Value, back.Eligible!.Value, back.GuardrailFlagged, back.Approver));
        Assert.Throws<FormatException>(() => InterventionSpec.Parse("{\"version\":\"other/9\"}"));
        Assert.Throws<FormatException>(() => InterventionSpec.Parse("not json"));
    }
}
