namespace RecSaeExplorer.Engine.Validation;

/// <summary>
/// A value outside what the product accepts. <see cref="Input"/> is how the user gave it (a CLI option
/// such as "--levels", a link parameter such as "item"), so the CLI can exit 2 naming the option and a
/// page can name the bad value.
/// </summary>
public sealed class BoundsException(string input, string message) : ArgumentException(message, input)
{
    public string Input { get; } = input;

    /// <summary>The message alone: ArgumentException would append "(Parameter '…')" to a line meant for people.</summary>
    public override string Message { get; } = message;
}
