using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Web.Components.Jobs;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Jobs;

public sealed class DefaultRunBannerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_banner_follows_the_default_jobs_and_links_the_runs_when_done()
    {
        var queue = EngineServices.Queue();
        var release = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var worker = queue.ProcessAsync(new FakeRunner(async (r, progress, _) =>
        {
            progress.Report(new JobProgress("Training", "epoch", 2, 10, 0.5, TimeSpan.FromSeconds(3), 0.2));
            await release.Task;
            return r is RecommenderTrainingRequest ? "mf-default" : "sae-default";
        }), stop.Token);
        await using var ctx = ExplorerTestContext.Create();
        ctx.Services.AddSingleton(queue);
        var cut = ctx.Render<DefaultRunBanner>();
        Assert.Empty(cut.FindAll(".default-run-banner"));

        // One recommender and one SAE: the banner's count and links are about the jobs, not about how many there are.
        foreach (var request in DefaultRunStarter.Requests(new ExplorerOptions { QuickSaePreset = "", DemoDataset = "" })) queue.Enqueue(request);

        cut.WaitForAssertion(() => Assert.Contains("Training the default run… (job 1 of 2", cut.Find(".default-run-banner").TextContent), Wait);
        cut.WaitForAssertion(() => Assert.Contains("epoch 2/10", cut.Find(".job-detail").TextContent), Wait);
        release.SetResult();
        cut.WaitForAssertion(() => Assert.Contains("The default run is ready", cut.Find(".default-run-banner").TextContent), Wait);
        Assert.Equal(["runs/mf-default", "runs/sae-default"], cut.FindAll(".default-run-banner a[href^='runs/']").Select(a => a.GetAttribute("href")));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker);
    }

    [Fact]
    public async Task Jobs_started_by_a_person_do_not_show_the_banner()
    {
        var queue = EngineServices.Queue();
        await using var ctx = ExplorerTestContext.Create();
        ctx.Services.AddSingleton(queue);
        var cut = ctx.Render<DefaultRunBanner>();

        queue.Enqueue(new NamedRequest("mine"));

        Assert.Empty(cut.FindAll(".default-run-banner"));
    }
}
