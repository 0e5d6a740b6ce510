namespace RecSaeExplorer.Engine.Tests.Sae;

/// <summary>Reports on the calling thread, for any report type.</summary>
internal sealed class SyncReporter<T>(Action<T> onReport) : IProgress<T>
{
    public void Report(T value) => onReport(value);
}
