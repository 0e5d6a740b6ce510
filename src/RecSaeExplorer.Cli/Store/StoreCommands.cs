using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Engine.Runs.Maintenance;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Store;

/// <summary><c>recsae store check|backup|restore|salvage</c>: integrity and copies of the store (--store).</summary>
public static class StoreCommands
{
    public static Command Build(Func<ParseResult, CliContext> contextFor)
    {
        var store = new Command("store", "Check the store, back it up, restore a backup or salvage a damaged store.");
        store.Subcommands.Add(Check(contextFor));
        store.Subcommands.Add(Copy(contextFor, "backup", "Copy the store into a new file while it stays in use (every run whole).", "out",
            "The backup file to create (must not exist)."));
        store.Subcommands.Add(Copy(contextFor, "salvage", "Copy every intact run of a damaged store into a new store; the damaged file is only read.", "out",
            "The new store file (must not exist)."));
        store.Subcommands.Add(Restore(contextFor));
        return store;
    }

    private static Command Check(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("check", "Read every run and its weights; list what is lost. Exit 1 when anything is.");
        command.SetAction(parse =>
        {
            var context = contextFor(parse);
            var report = StoreCheck.Run(context.StorePath);
            Write(context, report, verb: "checked");
            if (report.Healthy) return ExitCodes.Ok;
            context.Log($"error: the store is not whole: {report.Lost.Count} run(s) lost, {report.Intact.Count} intact; " +
                        "'recsae store salvage <new file>' copies the intact runs into a new store.");
            return ExitCodes.Failure;
        });
        return command;
    }

    private static Command Copy(Func<ParseResult, CliContext> contextFor, string name, string description, string argumentName, string argumentDescription)
    {
        var target = new Argument<FileInfo>(argumentName) { Description = argumentDescription };
        var command = new Command(name, description) { target };
        command.SetAction(parse =>
        {
            var context = contextFor(parse);
            string path = parse.GetValue(target)!.FullName;
            var report = StoreCopy.CopyInto(context.StorePath, path);
            Write(context, report, verb: $"copied into {path}:");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Restore(Func<ParseResult, CliContext> contextFor)
    {
        var backup = new Argument<FileInfo>("backup") { Description = "A backup made by 'recsae store backup'." };
        var replace = new Option<bool>("--replace") { Description = "Replace an existing store (it is kept beside it as *.replaced-<time>)." };
        var command = new Command("restore", "Make --store a copy of a backup. Stop the explorer first.") { backup, replace };
        command.SetAction(parse =>
        {
            var context = contextFor(parse);
            var (report, previous) = StoreCopy.Restore(parse.GetValue(backup)!.FullName, context.StorePath, parse.GetValue(replace));
            Write(context, report, verb: $"restored into {context.StorePath}:");
            if (previous is not null) context.Log($"the previous store is kept as {previous}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(CliContext context, StoreCheckReport report, string verb)
    {
        if (context.Json)
        {
            context.WriteJson(new
            {
                path = report.StorePath, report.SchemaVersion, report.Damage, report.Healthy,
                intact = report.Intact.Select(r => r.Id), lost = report.Lost, report.OrphanWeights, report.Unreadable,
                report.NeuronNames, report.Experiments,
            });
            return;
        }
        var console = context.Console;
        console.MarkupLine($"{Markup.Escape(report.StorePath)} {Markup.Escape(verb)} schema {report.SchemaVersion}, " +
                           $"[green]{report.Intact.Count} intact run(s)[/], {(report.Lost.Count > 0 ? "[red]" : "[green]")}{report.Lost.Count} lost[/], " +
                           $"{report.OrphanWeights.Count} orphan weight file(s), {report.NeuronNames} neuron name(s), {report.Experiments} experiment(s).");
        if (report.Damage is not null) console.MarkupLine($"[red]damage:[/] {Markup.Escape(report.Damage)}");
        foreach (string part in report.Unreadable) console.MarkupLine($"[red]unreadable:[/] {Markup.Escape(part)}");
        if (report.Lost.Count == 0) return;
        var table = new Table().AddColumns("lost run", "why");
        foreach (var lost in report.Lost) table.AddRow(Markup.Escape(lost.Id), Markup.Escape(lost.Reason));
        console.Write(table);
    }
}
