namespace RecSaeExplorer.Cli.Common;

/// <summary>The exit codes every command keeps.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    /// <summary>Cancelled by Ctrl-C (SIGINT) or by the caller's token: "Cancelled." and nothing stored.</summary>
    public const int Cancelled = 130;

    /// <summary>Cancelled by SIGTERM: as <see cref="Cancelled"/>.</summary>
    public const int Terminated = 143;
}
