using Microsoft.Extensions.Options;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Labs;

namespace RecSaeExplorer.Web.Tests.Labs;

/// <summary>The per-person cap on concurrent heavy lab work: refused at once past the cap, per key, released when work ends or fails.</summary>
public sealed class HeavyLabWorkTests
{
    [Fact]
    public async Task Past_the_cap_a_person_is_refused_at_once_others_are_not_and_a_finished_or_failed_computation_frees_its_place()
    {
        using var limiter = new HeavyLabWorkLimiter(Options.Create(new ExplorerOptions { MaxConcurrentLabWorkPerUser = 2 }));
        var first = new TaskCompletionSource<int>();
        var second = new TaskCompletionSource<int>();
        var a = limiter.RunAsync("user:ana", () => first.Task);
        var b = limiter.RunAsync("user:ana", () => second.Task);

        var refused = await Assert.ThrowsAsync<LabBusyException>(() => limiter.RunAsync("user:ana", () => Task.FromResult(3)));
        Assert.Contains("2 heavy lab computations", refused.Message);
        Assert.Equal(4, await limiter.RunAsync("user:bob", () => Task.FromResult(4)));        // another person is not affected
        Assert.Equal(5, await limiter.RunAsync("circuit:x", () => Task.FromResult(5)));

        first.SetResult(1);
        Assert.Equal(1, await a);
        Assert.Equal(6, await limiter.RunAsync("user:ana", () => Task.FromResult(6)));        // a place is free again
        second.SetException(new InvalidOperationException("boom"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => b);
        var c = new TaskCompletionSource<int>();
        var d = new TaskCompletionSource<int>();
        var running = new[] { limiter.RunAsync("user:ana", () => c.Task), limiter.RunAsync("user:ana", () => d.Task) }; // both places: the failed one was released
        await Assert.ThrowsAsync<LabBusyException>(() => limiter.RunAsync("user:ana", () => Task.FromResult(7)));
        c.SetResult(0);
        d.SetResult(0);
        await Task.WhenAll(running);
    }

    [Fact]
    public void The_documented_default_is_two_and_a_configured_zero_still_allows_one()
    {
        Assert.Equal(2, new ExplorerOptions().MaxConcurrentLabWorkPerUser);
        using var limiter = new HeavyLabWorkLimiter(Options.Create(new ExplorerOptions { MaxConcurrentLabWorkPerUser = 0 }));
        Assert.Equal(1, limiter.Limit);
    }
}
