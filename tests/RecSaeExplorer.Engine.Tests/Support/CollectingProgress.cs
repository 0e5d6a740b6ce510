using RecSaeExplorer.Engine.Recommenders.Training;

namespace RecSaeExplorer.Engine.Tests.Support;

/// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class CollectingProgress(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
{
    public List<TrainingProgress> Reports { get; } = [];

    public void Report(TrainingProgress value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
