namespace RecSaeExplorer.Web.Labs;

/// <summary>
/// Runs requests one at a time where only the latest matters: a request posted while one runs replaces
/// any waiting one, so a burst of slider moves computes the running level and then the newest, never
/// the stale ones in between.
/// </summary>
public sealed class LatestOnly<T>(Func<T, Task> work)
{
    private readonly Lock _gate = new();
    private T? _pending;
    private bool _hasPending;
    private bool _running;

    /// <summary>Queues <paramref name="request"/>; the returned task ends when this call drained the queue (or at once, when another call drains it).</summary>
    public Task Post(T request)
    {
        lock (_gate)
        {
            _pending = request;
            _hasPending = true;
            if (_running) return Task.CompletedTask;
            _running = true;
        }
        return Drain();
    }

    private async Task Drain()
    {
        while (true)
        {
            T next;
            lock (_gate)
            {
                if (!_hasPending)
                {
                    _running = false;
                    return;
                }
                next = _pending!;
                _hasPending = false;
            }
            try
            {
                await work(next);
            }
            catch
            {
                lock (_gate) _running = false;
                throw;
            }
        }
    }
}
