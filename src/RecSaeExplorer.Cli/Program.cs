using RecSaeExplorer.Cli;
using RecSaeExplorer.Cli.Common;

using var signals = new SignalCancellation();
return signals.ExitCodeFor(await CliApp.RunAsync(args, Console.Out, Console.Error, signals.Token));
