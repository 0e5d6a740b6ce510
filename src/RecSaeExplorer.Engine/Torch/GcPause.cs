using System.Runtime;

namespace RecSaeExplorer.Engine.Torch;

/// <summary>
/// Holds garbage collection off while a training loop runs, letting it run only between steps.
/// TorchSharp 0.107's operators create temporary native Scalars (<c>t * 2.0</c>, the implicit alpha of
/// <c>a + b</c>, <c>t.square()</c>, ...), pass their handles to LibTorch and drop the objects. A GC that another
/// thread (a progress renderer, the web server) triggers during the native call can finalize such a Scalar
/// before LibTorch reads it: long trainings then died with "Expected false to be true ... c10/core/Scalar.h"
/// (dotnet/TorchSharp PR 1434). Starting a no-GC region costs a blocking collection, so one region spans
/// <see cref="RenewEvery"/> steps (or until its budget is spent) and is renewed between two steps. The region is
/// process-wide: when trainings overlap, the first one's pause owns it and the others leave it alone.
/// </summary>
public sealed class GcPause : IDisposable
{
    public const int RenewEvery = 200;
    private const long Budget = 64L << 20;
    private static readonly Lock Gate = new();
    private static GcPause? _owner;
    private int _steps;
    private bool _started;

    public GcPause()
    {
        lock (Gate)
        {
            if (_owner is not null) return;
            _owner = this;
            Start();
        }
    }

    /// <summary>Call between steps.</summary>
    public void Tick()
    {
        if (++_steps % RenewEvery != 0 && Active) return;
        lock (Gate)
        {
            if (_owner != this) return;
            End();
            Start();
        }
    }

    private bool Active => _started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    private void Start()
    {
        try
        {
            _started = GC.TryStartNoGCRegion(Budget);
        }
        catch (InvalidOperationException)
        {
            _started = false; // a region someone else started is active
        }
    }

    private void End()
    {
        if (Active) GC.EndNoGCRegion();
        _started = false;
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (_owner != this) return;
            End();
            _owner = null;
        }
    }
}
