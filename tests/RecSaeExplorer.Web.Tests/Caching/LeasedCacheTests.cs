using RecSaeExplorer.Web.Caching;

namespace RecSaeExplorer.Web.Tests.Caching;

public class LeasedCacheTests
{
    private sealed class Model(string name) : IDisposable
    {
        public string Name { get; } = name;
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = Disposed ? throw new ObjectDisposedException(Name) : true;
    }

    private static Func<Task<Model>> Make(string name, Action? onLoad = null) => () =>
    {
        onLoad?.Invoke();
        return Task.FromResult(new Model(name));
    };

    [Fact]
    public async Task Beyond_capacity_the_least_recently_used_idle_object_is_evicted_and_disposed()
    {
        using var cache = new LeasedCache<Model>(capacity: 2);
        Model a, b;
        using (var lease = await cache.AcquireAsync("a", Make("a"))) a = lease.Value;
        using (var lease = await cache.AcquireAsync("b", Make("b"))) b = lease.Value;
        using (await cache.AcquireAsync("a", Make("a2"))) { } // a is now more recent than b

        using var c = await cache.AcquireAsync("c", Make("c"));

        Assert.True(b.Disposed);
        Assert.False(a.Disposed);
        Assert.Equal(["a", "c"], cache.Keys.Order());
    }

    [Fact]
    public async Task A_leased_object_is_never_evicted_and_goes_when_its_lease_ends()
    {
        using var cache = new LeasedCache<Model>(capacity: 1);
        var held = await cache.AcquireAsync("a", Make("a"));

        using (var other = await cache.AcquireAsync("b", Make("b")))
        {
            Assert.False(held.Value.Disposed);
            Assert.Equal(2, cache.Keys.Count); // over capacity while both are in use
        }
        Assert.Equal(["a"], cache.Keys); // back over capacity: a is leased, so the idle b goes

        held.Dispose();
        held.Dispose(); // a second release does nothing
        Assert.False(held.Value.Disposed); // within capacity: kept for the next page
    }

    [Fact]
    public async Task Concurrent_first_requests_share_one_load_and_a_failed_load_is_retried()
    {
        using var cache = new LeasedCache<Model>(capacity: 4);
        int loads = 0;
        var gate = new TaskCompletionSource();
        Func<Task<Model>> slow = async () =>
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return new Model("a");
        };

        var first = cache.AcquireAsync("a", slow);
        var second = cache.AcquireAsync("a", slow);
        gate.SetResult();
        using var x = await first;
        using var y = await second;
        Assert.Same(x.Value, y.Value);
        Assert.Equal(1, loads);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.AcquireAsync("bad", () => throw new InvalidOperationException("no")));
        Assert.DoesNotContain("bad", cache.Keys);
        using var retried = await cache.AcquireAsync("bad", Make("fine"));
        Assert.Equal("fine", retried.Value.Name);
    }

    [Fact]
    public async Task A_forgotten_object_is_disposed_when_its_last_lease_ends()
    {
        using var cache = new LeasedCache<Model>(capacity: 4);
        var lease = await cache.AcquireAsync("a", Make("a"));

        cache.Forget("a");
        Assert.False(lease.Value.Disposed);
        Assert.Empty(cache.Keys);

        lease.Dispose();
        Assert.True(lease.Value.Disposed);
    }

    [Fact]
    public async Task An_adopted_object_is_served_without_a_load_and_disposed_with_the_cache()
    {
        var cache = new LeasedCache<Model>(capacity: 4);
        var trained = new Model("trained");
        cache.Adopt("t", trained);

        using (var lease = await cache.AcquireAsync("t", () => throw new InvalidOperationException("must not load")))
            Assert.Same(trained, lease.Value);

        cache.Dispose();
        Assert.True(trained.Disposed);
    }

    [Fact]
    public async Task Freeing_objects_calls_the_after_free_hook()
    {
        int freed = 0;
        using var cache = new LeasedCache<Model>(capacity: 1, afterFree: () => freed++);
        using (await cache.AcquireAsync("a", Make("a"))) { }
        Assert.Equal(0, freed);

        using (await cache.AcquireAsync("b", Make("b"))) { } // evicts a
        Assert.Equal(1, freed);

        cache.Forget("b");
        Assert.Equal(2, freed);
    }
}
