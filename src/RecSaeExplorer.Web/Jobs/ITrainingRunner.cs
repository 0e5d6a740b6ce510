namespace RecSaeExplorer.Web.Jobs;

/// <summary>Does the work of one job and stores its run; the queue decides when. Tests swap in fakes.</summary>
public interface ITrainingRunner
{
    /// <summary>Trains, evaluates and stores; returns the stored run id. Stores nothing when cancelled.</summary>
    Task<string> RunAsync(TrainingRequest request, IProgress<JobProgress> progress, CancellationToken cancellationToken);
}

/// <summary>Reports on the calling thread: Progress&lt;T&gt; would post to the thread pool and could reorder heartbeats.</summary>
internal sealed class InlineProgress<T>(Action<T> onReport) : IProgress<T>
{
    public void Report(T value) => onReport(value);
}
