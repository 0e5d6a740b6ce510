using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Web.Governance;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Web.Components.Jobs;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Jobs;

public sealed class JobsPanelTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Progress_events_update_the_panel_and_cancel_stops_the_job()
    {
        var queue = EngineServices.Queue();
        var step = new SemaphoreSlim(0);
        var runner = new FakeRunner(async (_, progress, ct) =>
        {
            progress.Report(new JobProgress("Training", "epoch", 1, 10, 0.6931, TimeSpan.FromSeconds(2), 0.1));
            await step.WaitAsync(ct);
            progress.Report(new JobProgress("Training", "epoch", 3, 10, 0.4242, TimeSpan.FromSeconds(6), 0.3));
            await Task.Delay(Timeout.Infinite, ct);
            return "never";
        });
        using var stop = new CancellationTokenSource();
        var worker = queue.ProcessAsync(runner, stop.Token);
        // The job has no owner (queued straight on the engine): only an admin may cancel it.
        using var store = new TempStore();
        await using var ctx = ExplorerTestContext.Create().WithEngine(store.Catalog).SignIn("root", Roles.Admin);
        ctx.Services.AddSingleton(queue);
        var cut = ctx.Render<JobsPanel>();

        var job = queue.Enqueue(new NamedRequest("MF on test data"));

        cut.WaitForAssertion(() => Assert.Contains("epoch 1/10 · loss 0.6931", cut.Find(".job-detail").TextContent), Wait);
        Assert.Equal("Running", cut.Find(".job-card").GetAttribute("data-status"));
        Assert.Contains("MF on test data", cut.Find(".job-title").TextContent);
        step.Release();
        cut.WaitForAssertion(() => Assert.Contains("epoch 3/10 · loss 0.4242", cut.Find(".job-detail").TextContent), Wait);

        await cut.InvokeAsync(() => cut.Find("button.job-cancel").Click());

        cut.WaitForAssertion(() => Assert.Equal("Cancelled", cut.Find(".job-card").GetAttribute("data-status")), Wait);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Empty(cut.FindAll("button.job-cancel"));
        var entry = Assert.Single(store.Catalog.Use(s => s.AuditTrail()));
        Assert.Equal(("root", "training-cancelled", job.Id, "Running", "Cancelled"), (entry.Actor, entry.Action, entry.Target, entry.Before, entry.After));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker);
    }

    [Theory]
    [InlineData(null, "ana", false)]              // anonymous viewer: no button, refused
    [InlineData("ana", "ana", true)]              // analyst: own job
    [InlineData("bob", "ana", false)]             // analyst: someone else's job
    public async Task Analysts_cancel_only_their_own_jobs_and_viewers_none(string? signedIn, string owner, bool allowed)
    {
        var queue = EngineServices.Queue();
        using var store = new TempStore();
        await using var ctx = ExplorerTestContext.Create().WithEngine(store.Catalog);
        if (signedIn is not null) ctx.SignIn(signedIn, Roles.Analyst);
        ctx.Services.AddSingleton(queue);
        var job = queue.Enqueue(new NamedRequest("queued") { Owner = owner });
        var cut = ctx.Render<JobsPanel>();

        Assert.Equal(allowed, cut.FindAll("button.job-cancel").Count == 1);
        var governed = ctx.Services.GetRequiredService<GovernedActions>();
        if (allowed) Assert.True(await governed.CancelAsync(job.Id));
        else await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.CancelAsync(job.Id));
        Assert.Equal(allowed ? JobStatus.Cancelled : JobStatus.Queued, job.Status);
    }

    [Fact]
    public async Task A_failed_job_shows_its_error_and_a_finished_one_links_its_run()
    {
        var queue = EngineServices.Queue();
        using var stop = new CancellationTokenSource();
        var worker = queue.ProcessAsync(new FakeRunner((r, _, _) =>
            r.Title == "bad" ? throw new InvalidOperationException("Out of data.") : Task.FromResult("mf-123")), stop.Token);
        await using var ctx = ExplorerTestContext.Create();
        ctx.Services.AddSingleton(queue);
        var cut = ctx.Render<JobsPanel>();

        queue.Enqueue(new NamedRequest("bad"));
        queue.Enqueue(new NamedRequest("good"));

        cut.WaitForAssertion(() => Assert.Equal("runs/mf-123", cut.Find("a.job-run").GetAttribute("href")), Wait);
        Assert.Contains("Out of data.", cut.Find(".job-error").TextContent);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker);
    }
}
