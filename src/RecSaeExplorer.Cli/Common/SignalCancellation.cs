using System.Runtime.InteropServices;

namespace RecSaeExplorer.Cli.Common;

/// <summary>
/// Turns the first SIGINT (Ctrl-C) or SIGTERM into a cancellation the command observes, so a training
/// stops between batches, prints "Cancelled." and stores nothing; a second signal terminates at once.
/// (System.CommandLine's own handler is switched off: it exited 130/143 without waiting for the command.)
/// </summary>
public sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public SignalCancellation() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];

    public CancellationToken Token => _source.Token;

    /// <summary>The signal that cancelled, or null.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>The exit code for a cancelled command: 130 after SIGINT, 143 after SIGTERM (128 + signal number, as shells report).</summary>
    public int ExitCodeFor(int code) => code == ExitCodes.Cancelled && Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : code;

    private void Handle(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested) return; // the second signal: default handling ends the process
        context.Cancel = true;
        Signal = context.Signal;
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
