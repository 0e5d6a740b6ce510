using System.Text.Json;
using System.CommandLine;
using System.Globalization;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Cli.Rec;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Records;
using RecSaeExplorer.Engine.Runs.Integrity;
using Spectre.Console;
using Spectre.Console.Json;

namespace RecSaeExplorer.Cli.Runs;

/// <summary><c>recsae runs list|show|delete</c>: the trained models kept in the store.</summary>
public static class RunsCommands
{
    public static Command Build(Func<ParseResult, CliContext> contextFor)
    {
        var runs = new Command("runs", "List, show and delete stored runs (recommenders and SAEs).");
        runs.Subcommands.Add(List(contextFor));
        runs.Subcommands.Add(Show(contextFor));
        runs.Subcommands.Add(Delete(contextFor));
        return runs;
    }

    private static Command List(Func<ParseResult, CliContext> contextFor)
    {
        var kind = new Option<string?>("--kind") { Description = "Only runs of this kind: recommender or sae." };
        var command = new Command("list", "Every stored run, newest first.") { kind };
        command.SetAction(parse =>
        {
            var context = contextFor(parse);
            // A store that does not exist yet holds no runs; listing must not create it.
            IReadOnlyList<RunInfo> runs = [];
            if (!StoreFile.IsMissing(context.StorePath))
            {
                using var store = new RunStore(context.StorePath, StoreAccess.Read);
                runs = store.List(parse.GetValue(kind));
            }
            if (context.Json) context.WriteJson(runs.Select(RunSummary.Of).ToList());
            else WriteTable(context.Console, runs);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(Func<ParseResult, CliContext> contextFor)
    {
        var run = RecCommands.RunArgument();
        var command = new Command("show", "One run: config, metrics and timings.") { run };
        command.SetAction(parse =>
        {
            var context = contextFor(parse);
            using var store = new RunStore(context.StorePath, StoreAccess.Read);
            var info = store.Get(parse.GetValue(run)!);
            if (context.Json) context.WriteJson(info);
            else WriteDetails(context.Console, info);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(Func<ParseResult, CliContext> contextFor)
    {
        var run = RecCommands.RunArgument();
        var command = new Command("delete",
            "Delete a run and its weights; refused while SAE runs were trained on it or proposals were made on it.") { run };
        command.SetAction(parse =>
        {
            var context = contextFor(parse);
            using var store = new RunStore(context.StorePath);
            var info = store.Get(parse.GetValue(run)!);
            // The same rule as the explorer's Delete button: checked and done in one transaction, nothing deleted on refusal.
            if (store.DeleteUnreferenced(info.Id) is { } refusal)
            {
                context.Log($"error: {refusal}");
                return ExitCodes.Failure;
            }
            store.AppendAudit($"cli:{Environment.UserName}", Engine.Governance.AuditActions.RunDeleted, info.Id, before: info.Kind);
            if (context.Json) context.WriteJson(new { deleted = info.Id });
            else context.Console.MarkupLine($"deleted [yellow]{Markup.Escape(info.Id)}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<RunInfo> runs)
    {
        if (runs.Count == 0)
        {
            console.MarkupLine("No runs yet: train one with [bold]recsae rec train[/].");
            return;
        }
        var table = new Table().AddColumns("id", "kind", "model", "preset", "dataset", "seed", "parent", "created (UTC)", "train s");
        foreach (var r in runs)
        {
            table.AddRow(Markup.Escape(r.Id), r.Kind, r.Model, Markup.Escape(r.Preset), r.DatasetName,
                r.Seed.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.ParentRunId ?? ""),
                r.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
        }
        console.Write(table);
    }

    private static void WriteDetails(IAnsiConsole console, RunInfo run)
    {
        var grid = new Grid().AddColumns(2);
        void Row(string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));
        Row("id", run.Id);
        Row("kind / model", $"{run.Kind} / {run.Model}");
        Row("preset", run.Preset);
        Row("dataset", $"{run.DatasetName} ({run.DatasetFingerprint})");
        Row("seed / split seed", $"{run.Seed} / {run.SplitSeed}");
        if (run.ParentRunId is not null) Row("built on", run.ParentRunId);
        Row("created (UTC)", run.CreatedUtc.ToString("u", CultureInfo.InvariantCulture));
        Row("training", $"{run.EpochSeconds.Count} epochs, {run.TotalSeconds:F1} s");
        Row("weights", $"{run.WeightsBytes:N0} bytes");
        console.Write(grid);
        var record = RunRecord.Of(run);
        var config = new Grid().AddColumns(2);
        foreach (var field in record.ConfigFields) config.AddRow(new Text(field.Key), new Text(field.Value));
        console.Write(new Panel(config).Header("config"));
        object? metrics = (object?)record.RecommenderMetrics ?? record.SaeMetrics;
        if (metrics is not null) console.Write(new Panel(new JsonText(JsonSerializer.Serialize(metrics, metrics.GetType()))).Header("metrics"));
        if (record.Problem is { } problem) console.MarkupLine($"[yellow]{Markup.Escape(problem)}[/]");
    }
}

/// <summary>One row of <c>runs list --json</c>.</summary>
public sealed record RunSummary(string Id, string Kind, string Model, string Preset, string Dataset, int Seed,
    int SplitSeed, string? ParentRunId, DateTime CreatedUtc, double TotalSeconds)
{
    public static RunSummary Of(RunInfo r) =>
        new(r.Id, r.Kind, r.Model, r.Preset, r.DatasetName, r.Seed, r.SplitSeed, r.ParentRunId, r.CreatedUtc, r.TotalSeconds);
}
