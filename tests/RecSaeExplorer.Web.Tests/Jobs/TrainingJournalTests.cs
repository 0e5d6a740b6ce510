using Microsoft.Extensions.Logging.Abstractions;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Jobs;

/// <summary>
/// A training the explorer did not live to finish is reported as interrupted on the next start (issue 18);
/// finished, failed and cancelled trainings leave no record behind.
/// </summary>
public sealed class TrainingJournalTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    private (TrainingQueue Queue, RunCatalog Catalog) NewExplorer()
    {
        var catalog = EngineServices.Catalog(_folder);
        var journal = new TrainingJournal(catalog, NullLogger<TrainingJournal>.Instance);
        return (new TrainingQueue(NullLogger<TrainingQueue>.Instance, journal), catalog);
    }

    [Fact]
    public async Task A_training_cut_by_a_server_stop_is_reported_interrupted_on_the_next_start()
    {
        var (queue, catalog) = NewExplorer();
        using var stop = new CancellationTokenSource();
        var worker = queue.ProcessAsync(new FakeRunner(async (_, _, ct) => { await Task.Delay(Timeout.Infinite, ct); return ""; }), stop.Token);
        var job = queue.Enqueue(new NamedRequest("long one") { Owner = "ana" });
        await EngineServices.Eventually(() => job.Status == JobStatus.Running, "job running");
        Assert.Single(catalog.Use(s => s.TrainingsStillInFlight()));

        await stop.CancelAsync();
        try { await worker; } catch (OperationCanceledException) { }
        Assert.Equal(JobStatus.Interrupted, job.Status);
        catalog.Dispose();

        var (next, nextCatalog) = NewExplorer();
        using var nextStop = new CancellationTokenSource();
        var nextWorker = next.ProcessAsync(new FakeRunner((_, _, _) => Task.FromResult("run")), nextStop.Token);
        await EngineServices.Eventually(() => next.Jobs.Count == 1, "the interrupted training listed");
        var reported = next.Jobs.Single();
        Assert.Equal((JobStatus.Interrupted, "long one", "ana"), (reported.Status, reported.Request.Title, reported.Request.Owner));
        Assert.Contains("nothing was stored", reported.Error);
        Assert.Empty(nextCatalog.Use(s => s.TrainingsStillInFlight())); // reported once, not on every start
        await nextStop.CancelAsync();
        try { await nextWorker; } catch (OperationCanceledException) { }
        nextCatalog.Dispose();
    }

    [Fact]
    public async Task Finished_failed_and_cancelled_trainings_leave_no_record()
    {
        var (queue, catalog) = NewExplorer();
        using var stop = new CancellationTokenSource();
        var worker = queue.ProcessAsync(new FakeRunner(async (r, _, ct) => r.Title switch
        {
            "fails" => throw new InvalidOperationException("boom"),
            "waits" => await WaitForCancel(ct),
            _ => "run-1",
        }), stop.Token);
        var ok = queue.Enqueue(new NamedRequest("ok"));
        var fails = queue.Enqueue(new NamedRequest("fails"));
        var waits = queue.Enqueue(new NamedRequest("waits"));
        await EngineServices.Eventually(() => waits.Status == JobStatus.Running, "third job running");
        queue.Cancel(waits.Id);
        await EngineServices.Eventually(() => waits.IsFinished, "third job cancelled");

        Assert.Equal((JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled), (ok.Status, fails.Status, waits.Status));
        Assert.Empty(catalog.Use(s => s.TrainingsStillInFlight()));
        await stop.CancelAsync();
        try { await worker; } catch (OperationCanceledException) { }
        catalog.Dispose();
    }

    private static async Task<string> WaitForCancel(CancellationToken ct)
    {
        await Task.Delay(Timeout.Infinite, ct);
        return "never";
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
