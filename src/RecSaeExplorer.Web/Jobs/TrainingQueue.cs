using RecSaeExplorer.Engine.Torch;
using System.Threading.Channels;

namespace RecSaeExplorer.Web.Jobs;

/// <summary>
/// The explorer's training jobs: the UI enqueues and cancels here, <see cref="TrainingQueueService"/>
/// drains the queue one job at a time (training uses every core; two at once would only thrash).
/// <see cref="Changed"/> fires on every status change and progress heartbeat, on the worker's thread.
/// </summary>
public sealed class TrainingQueue(ILogger<TrainingQueue> logger, TrainingJournal? journal = null)
{
    private readonly Channel<TrainingJob> _pending = Channel.CreateUnbounded<TrainingJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<TrainingJob> _jobs = [];
    private readonly Lock _gate = new();
    private int _nextId;

    public event Action<TrainingJob>? Changed;

    /// <summary>Every job of this process, newest first.</summary>
    public IReadOnlyList<TrainingJob> Jobs
    {
        get { lock (_gate) return _jobs.AsEnumerable().Reverse().ToList(); }
    }

    public TrainingJob Enqueue(TrainingRequest request)
    {
        TrainingJob job;
        lock (_gate)
        {
            job = new TrainingJob($"job-{++_nextId}", request);
            _jobs.Add(job);
        }
        logger.LogInformation("Queued {Job}: {Title}", job.Id, request.Title);
        Raise(job); // before the worker can see it: subscribers hear "queued" before "running"
        _pending.Writer.TryWrite(job); // unbounded: never fails
        return job;
    }

    public TrainingJob? Find(string jobId)
    {
        lock (_gate) return _jobs.FirstOrDefault(j => j.Id == jobId);
    }

    /// <summary>Cancels a queued job (it will not start) or a running one (it stops and stores nothing).</summary>
    public bool Cancel(string jobId)
    {
        var job = Find(jobId);
        if (job is null || job.IsFinished) return false;
        job.RequestCancel();
        if (job.Status == JobStatus.Queued) Finish(job, JobStatus.Cancelled);
        return true;
    }

    /// <summary>Runs queued jobs one at a time until <paramref name="stoppingToken"/> fires; a failed job does not stop the loop.</summary>
    public async Task ProcessAsync(ITrainingRunner runner, CancellationToken stoppingToken)
    {
        ReportInterrupted();
        await foreach (var job in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            if (job.IsFinished) continue; // cancelled while queued
            await RunOneAsync(runner, job, stoppingToken);
            // A training frees hundreds of MB of tensors into the C heap, which keeps the pages unless told.
            NativeMemory.Trim();
        }
    }

    private async Task RunOneAsync(ITrainingRunner runner, TrainingJob job, CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Token, stoppingToken);
        job.StartedUtc = DateTime.UtcNow;
        job.Status = JobStatus.Running;
        journal?.Started(job);
        Raise(job);
        var progress = new InlineProgress<JobProgress>(p =>
        {
            job.Progress = p;
            Raise(job);
        });
        try
        {
            // Task.Run: the engine trains synchronously; keep it off whatever thread drains the queue.
            job.RunId = await Task.Run(() => runner.RunAsync(job.Request, progress, linked.Token), CancellationToken.None);
            logger.LogInformation("{Job} stored run {Run} after {Elapsed:F1} s", job.Id, job.RunId, job.Elapsed.TotalSeconds);
            Finish(job, JobStatus.Succeeded);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested && !job.Token.IsCancellationRequested)
        {
            // The explorer is stopping: the record stays, so the next start reports this training as interrupted.
            logger.LogWarning("{Job} interrupted by the explorer stopping after {Elapsed:F1} s; nothing was stored", job.Id, job.Elapsed.TotalSeconds);
            Finish(job, JobStatus.Interrupted);
            return;
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            logger.LogInformation("{Job} cancelled after {Elapsed:F1} s", job.Id, job.Elapsed.TotalSeconds);
            Finish(job, JobStatus.Cancelled);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "{Job} failed: {Title}", job.Id, job.Request.Title);
            job.Error = e.Message;
            Finish(job, JobStatus.Failed);
        }
    }

    /// <summary>Lists the trainings an earlier process did not finish, as interrupted jobs at the top of the panel.</summary>
    private void ReportInterrupted()
    {
        if (journal is null) return;
        foreach (var t in journal.TakeInterrupted())
        {
            TrainingJob job;
            lock (_gate)
            {
                job = new TrainingJob($"job-{++_nextId}", new InterruptedTrainingRequest(t.Title) { Owner = t.Owner })
                {
                    StartedUtc = t.StartedUtc,
                    Error = $"Interrupted: the explorer stopped while this training ran (started {t.StartedUtc:yyyy-MM-dd HH:mm} UTC); nothing was stored. Queue it again.",
                };
                _jobs.Add(job);
            }
            logger.LogWarning("A training did not finish before the explorer stopped: {Title}", t.Title);
            Finish(job, JobStatus.Interrupted);
        }
    }

    private void Finish(TrainingJob job, JobStatus status)
    {
        if (status != JobStatus.Interrupted && job.StartedUtc is not null) journal?.Ended(job);
        job.FinishedUtc ??= DateTime.UtcNow;
        job.Status = status;
        Raise(job);
    }

    private void Raise(TrainingJob job)
    {
        if (Changed is not { } changed) return;
        foreach (var handler in changed.GetInvocationList().Cast<Action<TrainingJob>>())
        {
            try
            {
                handler(job);
            }
            catch (Exception e)
            {
                // A broken subscriber (e.g. a closing circuit) must neither stop training nor starve the others.
                logger.LogDebug(e, "A jobs subscriber failed");
            }
        }
    }
}

/// <summary>The hosted service that drains <see cref="TrainingQueue"/> for the app's lifetime.</summary>
public sealed class TrainingQueueService(TrainingQueue queue, ITrainingRunner runner) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await queue.ProcessAsync(runner, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
