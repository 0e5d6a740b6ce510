namespace RecSaeExplorer.Cli.Common;

/// <summary>A command was given values it cannot use; exits with <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
