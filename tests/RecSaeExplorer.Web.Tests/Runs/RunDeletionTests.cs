using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Runs;

/// <summary>
/// Deleting a run from the explorer: admins only, refused (with names, nothing deleted) while SAE runs or proposals point at
/// it, and otherwise document, weights and neuron names go together, audited.
/// </summary>
public sealed class RunDeletionTests
{
    [Fact]
    public async Task Referenced_runs_are_refused_by_name_and_kept_whole_an_unreferenced_one_is_deleted_and_audited()
    {
        using var store = new TempStore();
        var (recommender, sae) = await TinyRunsFixture.TrainAsync(store.Catalog);
        string spare = await new EngineTrainingRunner(EngineServices.ShippedDatasets(), store.Catalog).RunAsync(
            new SaeTrainingRequest(DatasetCatalog.DefaultName, recommender.Id, SaePresets.Paper, 3, Seed: 5) { Steps = 5 }, new Progress<JobProgress>(), CancellationToken.None);
        store.Catalog.Use(s => { s.SetNeuronName(spare, 1, "to go"); return 0; });
        var proposals = new ProposalService(store.Catalog, new AuditLog(store.Catalog, NullLogger<AuditLog>.Instance));
        var experiment = store.Catalog.SaveExperiment(Experiment(sae.Id));
        proposals.CreateDraft(experiment, 0, []);
        string saeWeights = store.Catalog.Use(s => s.WeightsSha256(sae.Id));
        string recommenderWeights = store.Catalog.Use(s => s.WeightsSha256(recommender.Id));

        var root = await AccountServicesForTests.CreateAsync(store.Catalog, "root", Roles.Admin);
        await using var ctx = ExplorerTestContext.Create().WithAccounts(store.Catalog).SignInAs(root);
        var governed = ctx.Services.GetRequiredService<GovernedActions>();

        var parent = await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.DeleteRunAsync(recommender.Id));
        Assert.Contains(sae.Id, parent.Message);
        Assert.Contains(spare, parent.Message);
        var proposed = await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.DeleteRunAsync(sae.Id));
        Assert.Contains($"{experiment.Id} (draft)", proposed.Message);
        Assert.Equal(saeWeights, store.Catalog.Use(s => s.WeightsSha256(sae.Id)));
        Assert.Equal(recommenderWeights, store.Catalog.Use(s => s.WeightsSha256(recommender.Id)));

        await governed.DeleteRunAsync(spare);
        Assert.Null(store.Catalog.Find(spare));
        Assert.Throws<RecSaeExplorer.Engine.Runs.RunNotFoundException>(() => store.Catalog.Use(s => s.WeightsSha256(spare)));
        Assert.Empty(store.Catalog.Use(s => s.NeuronNamesOf(spare)));
        Assert.Equal(0, store.Catalog.Use(s => s.CollectGarbage())); // no weights were left behind
        var entry = store.Catalog.Use(s => s.AuditTrail()).Last();
        Assert.Equal(("root", "run-deleted", spare, "deleted"), (entry.Actor, entry.Action, entry.Target, entry.After));
        Assert.StartsWith("sae", entry.Before);
        Assert.Equal(2, store.Catalog.List().Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Governor)]
    public async Task Only_admins_may_delete_a_run(string? role)
    {
        using var store = new TempStore();
        var (_, sae) = await TinyRunsFixture.TrainAsync(store.Catalog);
        await using var ctx = ExplorerTestContext.Create().WithAccounts(store.Catalog);
        if (role is not null) ctx.SignInAs(await AccountServicesForTests.CreateAsync(store.Catalog, "mallory", role));

        await Assert.ThrowsAsync<ForbiddenActionException>(() => ctx.Services.GetRequiredService<GovernedActions>().DeleteRunAsync(sae.Id));
        Assert.NotNull(store.Catalog.Find(sae.Id));
        Assert.DoesNotContain(store.Catalog.Use(s => s.AuditTrail()), e => e.Action == "run-deleted");
    }

    private static Experiment Experiment(string runId) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..12], RunId = runId, DatasetName = "ml-latest-small", Kind = ExperimentKind.Promote, ItemId = 1,
        Neuron = 2, NeuronLabel = "x", Level = 1, Mode = "set", Audience = "test", AudienceDescription = "test users", AudienceSize = 5,
        Summary = "s", Author = "ana", CreatedUtc = DateTime.UtcNow, State = "run=x",
    };
}
