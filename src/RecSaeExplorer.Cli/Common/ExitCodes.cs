namespace RecSaeExplorer.Cli.Common;

/// <summary>The exit codes every command keeps.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
