namespace RecSaeExplorer.Web.Caching;

/// <summary>A hold on a cached object: while any lease is open the cache neither evicts nor disposes it.</summary>
public sealed class Lease<T> : IDisposable where T : class
{
    private Action? _release;

    internal Lease(T value, Action release)
    {
        Value = value;
        _release = release;
    }

    public T Value { get; }

    /// <summary>Gives the object back; a second call does nothing.</summary>
    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
