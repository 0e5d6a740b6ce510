using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Acquisition;
using RecSaeExplorer.Core.Datasets.Loaders;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Data;

/// <summary>
/// <c>recsae data fetch ml-1m</c> and <c>recsae data import ml-1m &lt;folder&gt;</c>: ML-1M may not be
/// redistributed, so it is downloaded or copied into the local cache, verified before it replaces anything.
/// </summary>
internal static class AcquisitionCommands
{
    public static Command Fetch(Func<ParseResult, CliContext> contextFor)
    {
        var dataset = DatasetArgument();
        var target = TargetOption();
        var command = new Command("fetch", "Download the official GroupLens ML-1M zip into the local cache and verify it.") { dataset, target };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFor(parse);
            RequireMovieLens1M(parse.GetValue(dataset));
            string folder = parse.GetValue(target)?.FullName ?? MovieLens1MAcquirer.DefaultTarget(context.Paths);
            using var acquirer = new MovieLens1MAcquirer();
            var result = context.Json
                ? await acquirer.FetchAsync(folder, null, cancellationToken)
                : await WithDownloadBar(context.Console, progress => acquirer.FetchAsync(folder, progress, cancellationToken));
            Report(context, result, folder);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Import(Func<ParseResult, CliContext> contextFor)
    {
        var dataset = DatasetArgument();
        var source = new Argument<DirectoryInfo>("folder") { Description = "A folder with movies.dat, users.dat and ratings.dat (or ratings_without_timestamps.dat)." };
        var target = TargetOption();
        var command = new Command("import", "Copy a local ML-1M folder into the local cache after verifying it.") { dataset, source, target };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFor(parse);
            RequireMovieLens1M(parse.GetValue(dataset));
            string from = parse.GetValue(source)!.FullName;
            string folder = parse.GetValue(target)?.FullName ?? MovieLens1MAcquirer.DefaultTarget(context.Paths);
            using var acquirer = new MovieLens1MAcquirer();
            var result = context.Json
                ? await acquirer.ImportAsync(from, folder, cancellationToken)
                : await context.Console.Status().StartAsync($"Verifying {from}...", _ => acquirer.ImportAsync(from, folder, cancellationToken));
            Report(context, result, folder);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Argument<string> DatasetArgument() => new("dataset")
    {
        Description = "The dataset to acquire; only ml-1m needs it (the others ship in data/).",
    };

    private static Option<DirectoryInfo?> TargetOption() => new("--target")
    {
        Description = "Where to put the verified copy (default: the local dataset cache, .recsae/datasets/ml-1m).",
    };

    private static void RequireMovieLens1M(string? name)
    {
        if (!string.Equals(name, MovieLens1MLoader.DatasetName, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"Only ml-1m is fetched or imported; '{name}' ships in data/ already.");
        }
    }

    private static async Task<Dataset> WithDownloadBar(IAnsiConsole console, Func<IProgress<DownloadProgress>, Task<Dataset>> run)
    {
        Dataset? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("ml-1m.zip", maxValue: 1);
                var progress = new Progress<DownloadProgress>(p =>
                {
                    if (p.TotalBytes is > 0 and var total) task.MaxValue = total;
                    task.Value = p.BytesReceived;
                });
                result = await run(progress);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static void Report(CliContext context, Dataset dataset, string folder)
    {
        var summary = new AcquiredDataset(dataset.Name, folder, dataset.Users.Count, dataset.Items.Count, dataset.Interactions.Count);
        if (context.Json)
        {
            context.WriteJson(summary);
            return;
        }
        context.Console.MarkupLine($"[green]Verified[/] {summary.Users:N0} users, {summary.Items:N0} rated movies, " +
            $"{summary.Interactions:N0} ratings in {Markup.Escape(folder)}");
    }
}

/// <summary>The JSON shape of <c>data fetch</c> and <c>data import</c>.</summary>
public sealed record AcquiredDataset(string Name, string Folder, int Users, int Items, int Interactions);
