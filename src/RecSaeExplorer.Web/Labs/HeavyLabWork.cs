using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Hosting;

namespace RecSaeExplorer.Web.Labs;

/// <summary>Heavy lab work refused because this person already has as much running as the cap allows.</summary>
public sealed class LabBusyException(int limit) : InvalidOperationException(
    $"You already have {limit} heavy lab computation{(limit == 1 ? "" : "s")} running (the limit per person, across tabs). " +
    "Wait for it to finish, then move the control again; this page keeps working.");

/// <summary>
/// The cap on concurrent heavy lab work (level sweeps, user-lab re-ranks) per person: a concurrency limiter partition per
/// key, no queue (a refused move is shown at once rather than piling up behind others). Shared by every circuit.
/// </summary>
public sealed class HeavyLabWorkLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public HeavyLabWorkLimiter(IOptions<ExplorerOptions> options)
    {
        Limit = Math.Max(1, options.Value.MaxConcurrentLabWorkPerUser);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetConcurrencyLimiter(key,
            _ => new ConcurrencyLimiterOptions { PermitLimit = Limit, QueueLimit = 0 }));
    }

    public int Limit { get; }

    public async Task<T> RunAsync<T>(string key, Func<Task<T>> work)
    {
        using var lease = _limiter.AttemptAcquire(key);
        if (!lease.IsAcquired) throw new LabBusyException(Limit);
        return await work();
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// The limiter keyed for this circuit: a signed-in person by name (all their tabs share the cap), an anonymous viewer by
/// circuit (a DI scope is one circuit in Blazor Server), since all anonymous visitors share the name "anonymous".
/// </summary>
public sealed class HeavyLabWork(HeavyLabWorkLimiter limiter, CurrentActor current)
{
    private readonly string _circuit = Guid.NewGuid().ToString("N");

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var actor = await current.GetAsync();
        return await limiter.RunAsync(actor.IsAuthenticated ? $"user:{actor.Name}" : $"circuit:{_circuit}", work);
    }
}
