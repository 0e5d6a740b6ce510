namespace RecSaeExplorer.Cli.Common;

/// <summary>A command was given values it cannot use; exits with <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    /// <summary>
    /// Runs <paramref name="parse"/>, turning the engine's <see cref="ArgumentException"/> (a bad preset
    /// name, override or audience) into a usage error with the same message.
    /// </summary>
    public static T From<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
