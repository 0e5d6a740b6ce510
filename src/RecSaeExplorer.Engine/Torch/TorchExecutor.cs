using System.Runtime.CompilerServices;

namespace RecSaeExplorer.Engine.Torch;

/// <summary>
/// Where a server's LibTorch work runs. The invariant, in one place:
/// <list type="number">
/// <item>work on one model (an opened SAE run, keyed by its owner object) runs one call at a time,
/// off the request thread, on the thread pool;</item>
/// <item>while it runs, garbage collection is held off (<see cref="GcPause"/>), because TorchSharp's
/// temporary Scalars must not be finalized mid-call by a GC another thread triggers;</item>
/// <item>a caller's cancellation stops the wait for the gate and the work's start;</item>
/// <item>the thread count is LibTorch's process-wide setting and only trainings set it
/// (<see cref="TorchRuntime.UseThreads"/>, default one thread, docs/decisions.md).</item>
/// </list>
/// </summary>
public sealed class TorchExecutor
{
    private readonly ConditionalWeakTable<object, SemaphoreSlim> _gates = new();

    /// <summary>The process's executor: LibTorch's state is process-wide, so is its owner.</summary>
    public static TorchExecutor Shared { get; } = new();

    /// <summary>Runs <paramref name="work"/> for <paramref name="model"/> under the invariant above.</summary>
    public async Task<T> RunAsync<T>(object model, Func<T> work, CancellationToken cancellationToken = default)
    {
        var gate = _gates.GetValue(model, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() =>
            {
                using var pause = new GcPause();
                return work();
            }, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
