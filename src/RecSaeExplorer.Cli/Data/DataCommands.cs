using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Datasets;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Data;

/// <summary><c>recsae data list|stats|fetch|import</c>.</summary>
public static class DataCommands
{
    public static Command Build(Func<ParseResult, CliContext> contextFor)
    {
        var data = new Command("data", "List, inspect, download and import datasets.");
        data.Subcommands.Add(List(contextFor));
        data.Subcommands.Add(Stats(contextFor));
        data.Subcommands.Add(AcquisitionCommands.Fetch(contextFor));
        data.Subcommands.Add(AcquisitionCommands.Import(contextFor));
        return data;
    }

    private static Command List(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("list", "The datasets the product knows, and whether their files are present.");
        command.SetAction(parse =>
        {
            var context = contextFor(parse);
            var rows = context.Catalog.Loaders.Select(loader =>
            {
                string folder = context.Catalog.DefaultFolder(loader.Name);
                return new DatasetListing(loader.Name, loader.Description, folder, loader.IsPresent(folder));
            }).ToList();
            if (context.Json) context.WriteJson(rows);
            else WriteListTable(context.Console, rows);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Stats(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("stats", "Users, items, interactions, density, top facets and the decade histogram of --dataset.");
        var top = new Option<int>("--top") { Description = "How many facets to show.", DefaultValueFactory = _ => 20 }
            .Bounded((v, name) => Engine.Validation.InputBounds.Count(v, name));
        command.Options.Add(top);
        command.SetAction((parse, cancellationToken) =>
        {
            var context = contextFor(parse);
            var stats = DatasetStats.Of(context.LoadDataset(cancellationToken));
            if (context.Json) context.WriteJson(stats);
            else StatsView.Write(context.Console, stats, parse.GetValue(top));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void WriteListTable(IAnsiConsole console, IEnumerable<DatasetListing> rows)
    {
        var table = new Table().AddColumns("dataset", "present", "folder", "description");
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.Name), row.Present ? "[green]yes[/]" : "[yellow]no[/]",
                Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), row.Folder)), Markup.Escape(row.Description));
        }
        console.Write(table);
    }
}

/// <summary>One row of <c>data list</c>; also its JSON shape.</summary>
public sealed record DatasetListing(string Name, string Description, string Folder, bool Present);
