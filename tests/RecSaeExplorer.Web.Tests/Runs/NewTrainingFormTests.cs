using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Web.Components.Runs;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Runs;

public sealed class NewTrainingFormTests
{
    private static readonly string[] Datasets = [DatasetCatalog.DefaultName, LastFmLoader.DatasetName];

    private static readonly RunSummary[] Recommenders =
    [
        new("mf-new", "recommender", DatasetCatalog.DefaultName, "mf", "tuned", 42, null, null, DateTime.UtcNow, null, null, null, null, null, null),
        new("mf-old", "recommender", DatasetCatalog.DefaultName, "mf", "paper", 42, null, null, DateTime.UtcNow.AddDays(-1), null, null, null, null, null, null),
        new("ncf-fm", "recommender", LastFmLoader.DatasetName, "ncf", "tuned", 42, null, null, DateTime.UtcNow, null, null, null, null, null, null),
    ];

    [Fact]
    public async Task Starting_a_recommender_training_queues_the_chosen_values()
    {
        var queue = EngineServices.Queue();
        using var store = new TempStore();
        await using var ctx = ExplorerTestContext.Create().WithEngine(store.Catalog).SignIn("ana", Roles.Analyst);
        ctx.Services.AddSingleton(queue);
        IReadOnlyList<TrainingJob>? queued = null;
        var cut = Render(ctx, jobs => queued = jobs);

        await Pick(cut, RecommenderModel.Ncf);
        await Pick(cut, LastFmLoader.DatasetName, "field-dataset");
        await Pick(cut, "paper", "field-preset");
        await cut.InvokeAsync(() => cut.FindComponent<MudNumericField<int?>>().Instance.ValueChanged.InvokeAsync(7));
        await cut.InvokeAsync(() => cut.Find("button.start-training").Click());

        var job = Assert.Single(queue.Jobs);
        Assert.Equal(new RecommenderTrainingRequest(LastFmLoader.DatasetName, RecommenderModel.Ncf, "paper", 7) { Owner = "ana" }, job.Request);
        var entry = Assert.Single(store.Catalog.Use(s => s.AuditTrail()));
        Assert.Equal(("ana", "training-queued", job.Id), (entry.Actor, entry.Action, entry.Target));
        Assert.Equal(JobStatus.Queued, job.Status);
        Assert.Same(job, Assert.Single(queued!));
    }

    [Fact]
    public async Task An_sae_defaults_to_the_newest_recommender_of_the_dataset_and_takes_beta()
    {
        var queue = EngineServices.Queue();
        using var store = new TempStore();
        await using var ctx = ExplorerTestContext.Create().WithEngine(store.Catalog).SignIn("ana", Roles.Analyst);
        ctx.Services.AddSingleton(queue);
        var cut = Render(ctx);

        await Pick(cut, TrainingKind.Sae);
        await Pick(cut, "paper", "field-sae-preset");
        await cut.InvokeAsync(() => cut.FindComponent<MudNumericField<double?>>().Instance.ValueChanged.InvokeAsync(5));
        await cut.InvokeAsync(() => cut.Find("button.start-training").Click());

        var request = Assert.IsType<SaeTrainingRequest>(Assert.Single(queue.Jobs).Request);
        // An SAE's seed defaults like the CLI's (1), not like a recommender's (42).
        Assert.Equal(new SaeTrainingRequest(DatasetCatalog.DefaultName, "mf-new", "paper", 5, WorkflowDefaults.SaeSeed) { Owner = "ana" }, request);
    }

    [Fact]
    public async Task A_beta_sweep_queues_one_sae_per_beta_on_the_picked_recommender()
    {
        var queue = EngineServices.Queue();
        using var store = new TempStore();
        await using var ctx = ExplorerTestContext.Create().WithEngine(store.Catalog).SignIn("ana", Roles.Analyst);
        ctx.Services.AddSingleton(queue);
        var cut = Render(ctx);

        await Pick(cut, TrainingKind.BetaSweep);
        await Pick(cut, "mf-old", "field-parent");
        await cut.InvokeAsync(() => cut.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("0, 2,5"));
        Assert.Contains("Start sweep (3 SAEs)", cut.Find("button.start-training").TextContent);
        await cut.InvokeAsync(() => cut.Find("button.start-training").Click());

        var requests = queue.Jobs.Reverse().Select(j => Assert.IsType<SaeTrainingRequest>(j.Request)).ToList();
        Assert.Equal([0.0, 2.0, 5.0], requests.Select(r => r.Beta!.Value));
        Assert.All(requests, r => Assert.Equal("mf-old", r.RecommenderRunId));
    }

    [Fact]
    public async Task A_viewer_gets_no_form_and_a_direct_call_is_refused_without_queueing()
    {
        var queue = EngineServices.Queue();
        using var store = new TempStore();
        await using var ctx = ExplorerTestContext.Create().WithEngine(store.Catalog);
        ctx.Services.AddSingleton(queue);
        var cut = Render(ctx);

        Assert.Empty(cut.FindAll("button.start-training"));
        Assert.Contains("Training needs the analyst role", cut.Find(".training-not-allowed").TextContent);
        var governed = ctx.Services.GetRequiredService<GovernedActions>();
        var refused = await Assert.ThrowsAsync<ForbiddenActionException>(() =>
            governed.QueueAsync([new RecommenderTrainingRequest(DatasetCatalog.DefaultName, RecommenderModel.Mf, "tuned")]));
        Assert.Contains("viewer", refused.Message);
        Assert.Empty(queue.Jobs);
        Assert.Empty(store.Catalog.Use(s => s.AuditTrail()));
    }

    [Fact]
    public async Task Sweeps_over_the_size_cap_and_jobs_over_the_per_user_cap_are_refused()
    {
        var queue = EngineServices.Queue();
        using var store = new TempStore();
        await using var ctx = ExplorerTestContext.Create().WithEngine(store.Catalog);
        ctx.AddGovernance(new Web.Security.SecurityOptions { MaxSweepSize = 4, MaxQueuedJobsPerUser = 5 }).SignIn("ana", Roles.Analyst);
        ctx.Services.AddSingleton(queue);
        var governed = ctx.Services.GetRequiredService<GovernedActions>();
        TrainingRequest Sae(double beta) => new SaeTrainingRequest(DatasetCatalog.DefaultName, "mf-new", "paper", beta);

        var big = await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.QueueAsync([.. Enumerable.Range(0, 1000).Select(b => Sae(b))]));
        Assert.Contains("at most 4", big.Message);
        Assert.Empty(queue.Jobs);

        await governed.QueueAsync([Sae(0), Sae(1), Sae(2), Sae(3)]);
        await governed.QueueAsync([Sae(4)]);
        var over = await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.QueueAsync([Sae(5)]));
        Assert.Contains("limit is 5", over.Message);
        Assert.Equal(5, queue.Jobs.Count);
        Assert.All(queue.Jobs, j => Assert.Equal("ana", j.Request.Owner));
    }

    [Fact]
    public async Task An_sae_cannot_be_started_without_a_recommender_run()
    {
        var queue = EngineServices.Queue();
        using var store = new TempStore();
        await using var ctx = ExplorerTestContext.Create().WithEngine(store.Catalog).SignIn("ana", Roles.Analyst);
        ctx.Services.AddSingleton(queue);
        var cut = ctx.Render<NewTrainingForm>(p => p.Add(c => c.Datasets, Datasets).Add(c => c.RecommenderRuns, []));

        await Pick(cut, TrainingKind.Sae);
        Assert.Contains("train one first", cut.Markup);
        await cut.InvokeAsync(() => cut.Find("button.start-training").Click());

        Assert.Empty(queue.Jobs);
        cut.WaitForAssertion(() => Assert.Contains("Pick the recommender the SAE explains.", cut.Markup));
    }

    private static IRenderedComponent<NewTrainingForm> Render(BunitContext ctx, Action<IReadOnlyList<TrainingJob>>? onQueued = null) =>
        ctx.Render<NewTrainingForm>(p => p
            .Add(c => c.Datasets, Datasets)
            .Add(c => c.RecommenderRuns, Recommenders)
            .Add(c => c.DefaultDataset, DatasetCatalog.DefaultName)
            .Add(c => c.OnQueued, jobs => onQueued?.Invoke(jobs)));

    /// <summary>Sets a select's value as a user's pick would (the popover list is not rendered here).</summary>
    private static Task Pick<T>(IRenderedComponent<NewTrainingForm> cut, T value, string? cssClass = null)
    {
        var select = cut.FindComponents<MudSelect<T>>().Single(s => cssClass is null || (s.Instance.Class ?? "").Contains(cssClass));
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
