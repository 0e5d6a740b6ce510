using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Jobs;

public sealed class TrainingQueueTests : IAsyncLifetime
{
    private readonly TrainingQueue _queue = EngineServices.Queue();
    private readonly CancellationTokenSource _stop = new();
    private Task _worker = Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _worker; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private void Start(ITrainingRunner runner) => _worker = _queue.ProcessAsync(runner, _stop.Token);

    [Fact]
    public async Task Jobs_run_one_at_a_time_in_the_order_they_were_queued()
    {
        var runner = new FakeRunner(async (r, _, ct) =>
        {
            await Task.Delay(30, ct);
            return $"run-{r.Title}";
        });
        Start(runner);

        var jobs = new[] { "a", "b", "c" }.Select(n => _queue.Enqueue(new NamedRequest(n))).ToList();

        await EngineServices.Eventually(() => jobs.All(j => j.IsFinished), "all jobs finished");
        Assert.Equal(1, runner.MaxConcurrent);
        Assert.Equal(["a", "b", "c"], runner.Started);
        Assert.All(jobs, j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Assert.Equal(["run-a", "run-b", "run-c"], jobs.Select(j => j.RunId));
        Assert.Equal(jobs.AsEnumerable().Reverse().Select(j => j.Id), _queue.Jobs.Select(j => j.Id));
    }

    [Fact]
    public async Task Progress_reports_reach_the_job_and_the_subscribers()
    {
        var seen = new List<(JobStatus, JobProgress?)>();
        _queue.Changed += j => { lock (seen) seen.Add((j.Status, j.Progress)); };
        Start(new FakeRunner((_, progress, _) =>
        {
            progress.Report(new JobProgress("Training", "epoch", 1, 2, 0.7, TimeSpan.FromSeconds(1), 0.5));
            progress.Report(new JobProgress("Training", "epoch", 2, 2, 0.4, TimeSpan.FromSeconds(2), 1));
            return Task.FromResult("run-1");
        }));

        var job = _queue.Enqueue(new NamedRequest("x"));

        await EngineServices.Eventually(() => job.IsFinished, "job finished");
        Assert.Equal(new JobProgress("Training", "epoch", 2, 2, 0.4, TimeSpan.FromSeconds(2), 1), job.Progress);
        lock (seen)
        {
            Assert.Equal(JobStatus.Queued, seen[0].Item1);
            Assert.Equal(JobStatus.Running, seen[1].Item1);
            Assert.Equal([0.7, 0.4], seen.Where(s => s.Item1 == JobStatus.Running && s.Item2 is not null).Select(s => s.Item2!.Loss!.Value));
            Assert.Equal(JobStatus.Succeeded, seen[^1].Item1);
        }
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it_and_the_next_one_runs()
    {
        var started = new TaskCompletionSource();
        Start(new FakeRunner(async (r, _, ct) =>
        {
            if (r.Title == "long")
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
            return $"run-{r.Title}";
        }));
        var running = _queue.Enqueue(new NamedRequest("long"));
        var next = _queue.Enqueue(new NamedRequest("next"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(_queue.Cancel(running.Id));

        await EngineServices.Eventually(() => next.IsFinished, "next job finished");
        Assert.Equal(JobStatus.Cancelled, running.Status);
        Assert.Null(running.RunId);
        Assert.Equal(JobStatus.Succeeded, next.Status);
        Assert.False(_queue.Cancel(running.Id));
    }

    [Fact]
    public async Task A_job_cancelled_while_queued_never_starts()
    {
        var gate = new TaskCompletionSource();
        var runner = new FakeRunner(async (r, _, _) =>
        {
            if (r.Title == "first") await gate.Task;
            return r.Title;
        });
        Start(runner);
        var first = _queue.Enqueue(new NamedRequest("first"));
        var second = _queue.Enqueue(new NamedRequest("second"));

        Assert.True(_queue.Cancel(second.Id));
        gate.SetResult();

        await EngineServices.Eventually(() => first.IsFinished, "first job finished");
        var third = _queue.Enqueue(new NamedRequest("third"));
        await EngineServices.Eventually(() => third.IsFinished, "third job finished");
        Assert.Equal(JobStatus.Cancelled, second.Status);
        Assert.Equal(["first", "third"], runner.Started);
    }

    [Fact]
    public async Task A_failing_job_reports_its_error_and_the_queue_keeps_working()
    {
        Start(new FakeRunner((r, _, _) => r.Title == "bad"
            ? throw new InvalidOperationException("The data is not there.")
            : Task.FromResult("run-good")));

        var bad = _queue.Enqueue(new NamedRequest("bad"));
        var good = _queue.Enqueue(new NamedRequest("good"));

        await EngineServices.Eventually(() => good.IsFinished, "good job finished");
        Assert.Equal(JobStatus.Failed, bad.Status);
        Assert.Equal("The data is not there.", bad.Error);
        Assert.Equal(JobStatus.Succeeded, good.Status);
        Assert.Equal("run-good", good.RunId);
    }

    [Fact]
    public async Task A_subscriber_that_throws_does_not_break_the_queue()
    {
        _queue.Changed += _ => throw new ObjectDisposedException("circuit");
        Start(new FakeRunner((_, _, _) => Task.FromResult("run")));

        var job = _queue.Enqueue(new NamedRequest("x"));

        await EngineServices.Eventually(() => job.IsFinished, "job finished");
        Assert.Equal(JobStatus.Succeeded, job.Status);
    }
}
