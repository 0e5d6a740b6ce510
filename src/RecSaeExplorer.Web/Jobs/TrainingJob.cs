namespace RecSaeExplorer.Web.Jobs;

public enum JobStatus { Queued, Running, Succeeded, Failed, Cancelled, Interrupted }

/// <summary>A heartbeat of a running job: what it is doing, how far it is, the latest loss.</summary>
/// <param name="Unit">"epoch" or "step": what <paramref name="Current"/> and <paramref name="Total"/> count.</param>
/// <param name="Fraction">Share of the whole phase done, 0..1 (finer than Current / Total).</param>
public sealed record JobProgress(string Phase, string Unit, int Current, int Total, double? Loss, TimeSpan Elapsed, double Fraction);

/// <summary>
/// One queued training job as the UI sees it. Mutated only by <see cref="TrainingQueue"/>; readers get
/// a consistent-enough view (each field is written atomically) and re-read on <see cref="TrainingQueue.Changed"/>.
/// </summary>
public sealed class TrainingJob
{
    private readonly CancellationTokenSource _cancel = new();

    internal TrainingJob(string id, TrainingRequest request)
    {
        Id = id;
        Request = request;
        EnqueuedUtc = DateTime.UtcNow;
    }

    public string Id { get; }
    public TrainingRequest Request { get; }
    public DateTime EnqueuedUtc { get; }
    public JobStatus Status { get; internal set; } = JobStatus.Queued;
    public JobProgress? Progress
    {
        get;
        internal set
        {
            field = value;
            if (value is not null) Pace.Add(value);
        }
    }

    /// <summary>The current phase's measured pace: its time left (shown as the ETA).</summary>
    public TrainingPace Pace { get; } = new();

    /// <summary>The stored run, once the job has succeeded.</summary>
    public string? RunId { get; internal set; }

    /// <summary>Why the job failed.</summary>
    public string? Error { get; internal set; }

    /// <summary>Wall time from start to end (or so far).</summary>
    public TimeSpan Elapsed => StartedUtc is { } start ? (FinishedUtc ?? DateTime.UtcNow) - start : TimeSpan.Zero;

    public DateTime? StartedUtc { get; internal set; }
    public DateTime? FinishedUtc { get; internal set; }

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled or JobStatus.Interrupted;

    internal CancellationToken Token => _cancel.Token;

    internal void RequestCancel() => _cancel.Cancel();
}
