using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Cli.Data;
using RecSaeExplorer.Cli.Rec;
using RecSaeExplorer.Cli.Runs;
using Spectre.Console;

namespace RecSaeExplorer.Cli;

/// <summary>
/// The <c>recsae</c> command line: builds the command tree, runs one command and maps the outcome to
/// exit codes (0 ok, 2 usage, 1 failure with a one-line message; the stack trace only with --verbose).
/// </summary>
public static class CliApp
{
    /// <param name="contextFor">Turns a command's parse result into what its action needs.</param>
    public static RootCommand BuildRoot(Func<ParseResult, CliContext> contextFor)
    {
        var root = new RootCommand("RecSaeExplorer: sparse autoencoders that explain recommender embeddings.");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(DataCommands.Build(contextFor));
        root.Subcommands.Add(RecCommands.Build(contextFor));
        root.Subcommands.Add(RunsCommands.Build(contextFor));
        root.Subcommands.Add(Store.StoreCommands.Build(contextFor));
        root.Subcommands.Add(Sae.SaeCommands.Build(contextFor));
        root.Subcommands.Add(Concepts.NeuronCommands.List(contextFor));
        root.Subcommands.Add(Concepts.NeuronCommands.Detail(contextFor));
        root.Subcommands.Add(Concepts.InterventionCommands.Promote(contextFor));
        root.Subcommands.Add(Concepts.InterventionCommands.Suppress(contextFor));
        root.Subcommands.Add(Concepts.InterventionCommands.Nudge(contextFor));
        root.Subcommands.Add(Users.UsersCommands.Build(contextFor));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var console = CreateConsole(output, ReferenceEquals(output, Console.Out));
        var parse = BuildRoot(result => new CliContext(result, output, error, console)).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors) error.WriteLine(parseError.Message);
            error.WriteLine("Run 'recsae --help' (or '<command> --help') for usage.");
            return ExitCodes.Usage;
        }

        // ProcessTerminationTimeout = null: signals are the caller's (Program's SignalCancellation), observed through the token.
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or AggregateException { InnerException: OperationCanceledException })
        {
            error.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            error.WriteLine(parse.GetValue(GlobalOptions.Verbose) ? ex.ToString() : $"error: {OneLine(ex)}");
            return ex is UsageException or Engine.Validation.BoundsException ? ExitCodes.Usage : ExitCodes.Failure;
        }
    }

    private static IAnsiConsole CreateConsole(TextWriter output, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output has no width of its own; Spectre's 80 columns would wrap every table.
        if (!isTerminal || Console.IsOutputRedirected) console.Profile.Width = 140;
        return console;
    }

    private static string OneLine(Exception ex)
    {
        var inner = ex is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : ex;
        return inner.Message.ReplaceLineEndings(" ");
    }
}
