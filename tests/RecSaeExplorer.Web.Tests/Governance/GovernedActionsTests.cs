using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Governance;

/// <summary>The server-side checks behind hidden buttons: a forged call from a viewer's circuit changes nothing.</summary>
[Collection(NeuronRunsCollection.Name)]
public sealed class GovernedActionsTests(NeuronRunsFixture runs)
{
    private static Experiment Draft(string runId, string typedAuthor) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..12], RunId = runId, DatasetName = "ml-latest-small", Kind = ExperimentKind.Promote, ItemId = 1,
        Neuron = 2, NeuronLabel = "x", Level = 1, Mode = "set", Audience = "test", AudienceDescription = "test users", AudienceSize = 5,
        Summary = "s", Author = typedAuthor, CreatedUtc = DateTime.UtcNow, State = "run=x",
    };

    [Fact]
    public async Task A_viewer_cannot_rename_save_or_delete_and_nothing_changes()
    {
        await using var ctx = runs.NewContext();
        var governed = ctx.Services.GetRequiredService<GovernedActions>();
        string? before = runs.Sae.NameOf(4)?.Name;
        int experiments = runs.Catalog.Experiments().Count;

        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.RenameNeuronAsync(runs.Sae, 4, "pwned"));
        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.SaveExperimentAsync(Draft(runs.SaeId, "mallory")));
        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.DeleteRunAsync(runs.SaeId));

        Assert.Equal(before, runs.Sae.NameOf(4)?.Name);
        Assert.Equal(experiments, runs.Catalog.Experiments().Count);
        Assert.NotNull(runs.Catalog.Find(runs.SaeId));
    }

    [Fact]
    public async Task An_analyst_renames_with_an_audit_entry_and_saves_under_the_signed_in_name_not_a_typed_one()
    {
        await using var ctx = runs.NewContext(c => c.SignIn("ana", Roles.Analyst));
        var governed = ctx.Services.GetRequiredService<GovernedActions>();
        try
        {
            await governed.RenameNeuronAsync(runs.Sae, 5, "Noir");
            var saved = await governed.SaveExperimentAsync(Draft(runs.SaeId, "the CEO"));
            Assert.Equal("ana", saved.Author);
            await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.DeleteRunAsync(runs.SaeId));

            var trail = runs.Catalog.Use(s => s.AuditTrail());
            var renamed = trail.Last(e => e.Action == "neuron-renamed");
            Assert.Equal(("ana", $"{runs.SaeId}/5", "Noir"), (renamed.Actor, renamed.Target, renamed.After));
            Assert.Contains(trail, e => e.Action == "experiment-saved" && e.Target == saved.Id && e.Actor == "ana");
        }
        finally
        {
            runs.Concepts.Rename(runs.Sae, 5, null);
        }
    }
}
