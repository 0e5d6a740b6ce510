namespace RecSaeExplorer.Web.Caching;

/// <summary>
/// Expensive disposable objects by key (loaded models, opened SAE runs), shared by every circuit:
/// concurrent first requests share one load, a failed load is forgotten, and beyond
/// <see cref="Capacity"/> the least recently used object nobody holds a <see cref="Lease{T}"/> on is
/// evicted and disposed. Objects in use are never disposed: a forgotten or evicted object goes when
/// its last lease does.
/// </summary>
public sealed class LeasedCache<T> : IDisposable where T : class, IDisposable
{
    private sealed class Entry(Task<T> load)
    {
        public Task<T> Load { get; } = load;
        public int Leases { get; set; }
        public long LastUsed { get; set; }
        public bool Dropped { get; set; }
    }

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _clock;
    private bool _disposed;

    private readonly Action? _afterFree;

    /// <param name="capacity">Objects kept when none of them is leased.</param>
    /// <param name="afterFree">Called after objects were disposed (e.g. to give native memory back).</param>
    public LeasedCache(int capacity, Action? afterFree = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _afterFree = afterFree;
    }

    /// <summary>Most objects kept when none of them is leased.</summary>
    public int Capacity { get; }

    /// <summary>Keys of the objects held or loading now.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate) return [.. _entries.Keys];
        }
    }

    /// <summary>How many leases are open on <paramref name="key"/>'s object (0 when absent).</summary>
    public int LeasesOf(string key)
    {
        lock (_gate) return _entries.TryGetValue(key, out var entry) ? entry.Leases : 0;
    }

    /// <summary>A lease on <paramref name="key"/>'s object, loaded with <paramref name="load"/> (on the thread pool) when absent.</summary>
    public async Task<Lease<T>> AcquireAsync(string key, Func<Task<T>> load, CancellationToken cancellationToken = default)
    {
        Entry entry;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_entries.TryGetValue(key, out entry!)) _entries[key] = entry = new Entry(Task.Run(load, CancellationToken.None));
            entry.Leases++;
            entry.LastUsed = ++_clock;
        }
        T value;
        try
        {
            value = await entry.Load.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, entry, forget: entry.Load.IsFaulted || entry.Load.IsCanceled);
            throw;
        }
        var lease = new Lease<T>(value, () => Release(key, entry, forget: false));
        Trim();
        return lease;
    }

    /// <summary>Adds an object made elsewhere (a model just trained), owned by the cache from now on.</summary>
    public void Adopt(string key, T value)
    {
        T? replaced = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_entries.TryGetValue(key, out var old)) replaced = Drop(key, old);
            _entries[key] = new Entry(Task.FromResult(value)) { LastUsed = ++_clock };
        }
        Free(replaced);
        Trim();
    }

    /// <summary>Drops <paramref name="key"/> (its run was deleted); the object is disposed once nobody holds it.</summary>
    public void Forget(string key)
    {
        T? free = null;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry)) free = Drop(key, entry);
        }
        Free(free);
    }

    private void Release(string key, Entry entry, bool forget)
    {
        T? free = null;
        lock (_gate)
        {
            entry.Leases--;
            if (forget)
            {
                // A failed load: forgotten so the next request tries again; it has nothing to dispose.
                if (_entries.TryGetValue(key, out var current) && current == entry) _entries.Remove(key);
                entry.Dropped = true;
            }
            else if (entry.Dropped && entry.Leases == 0 && entry.Load.IsCompletedSuccessfully && !_disposed)
            {
                free = entry.Load.Result;
            }
        }
        Free(free);
        Trim();
    }

    private void Free(T? value)
    {
        if (value is null) return;
        value.Dispose();
        _afterFree?.Invoke();
    }

    // Under the lock: removes the entry and returns its object when it can be disposed now.
    private T? Drop(string key, Entry entry)
    {
        _entries.Remove(key);
        entry.Dropped = true;
        return entry.Leases == 0 && entry.Load.IsCompletedSuccessfully ? entry.Load.Result : null;
    }

    private void Trim()
    {
        var free = new List<T>();
        lock (_gate)
        {
            while (_entries.Count > Capacity)
            {
                var idle = _entries.Where(e => e.Value.Leases == 0 && e.Value.Load.IsCompletedSuccessfully)
                    .OrderBy(e => e.Value.LastUsed).FirstOrDefault();
                if (idle.Value is null) break;
                free.Add(Drop(idle.Key, idle.Value)!);
            }
        }
        foreach (var value in free) value.Dispose();
        if (free.Count > 0) _afterFree?.Invoke();
    }

    public void Dispose()
    {
        List<T> values;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            values = _entries.Values.Where(e => e.Load.IsCompletedSuccessfully).Select(e => e.Load.Result).ToList();
            _entries.Clear();
        }
        foreach (var value in values) value.Dispose();
    }
}
