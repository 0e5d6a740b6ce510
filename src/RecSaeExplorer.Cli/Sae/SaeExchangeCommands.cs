using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Engine.Interop;
using RecSaeExplorer.Engine.Runs;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Sae;

/// <summary><c>recsae sae export|import</c>: SAE runs as safetensors with SAELens names, cfg.json and ids.json.</summary>
internal static class SaeExchangeCommands
{
    public static Command Export(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("export", "Write a stored SAE run as sae.safetensors (SAELens names), cfg.json and ids.json.");
        var runArgument = new Argument<string>("run") { Description = "SAE run id (or a unique prefix)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder to write (default: ./<run id>)." };
        command.Arguments.Add(runArgument);
        command.Options.Add(output);
        command.SetAction((parse, ct) =>
        {
            var context = contextFor(parse);
            using var store = new RunStore(context.StorePath);
            var run = store.Get(parse.GetValue(runArgument)!);
            var dataset = context.LoadDataset(run.DatasetName, ct);
            string folder = parse.GetValue(output)?.FullName ?? Path.GetFullPath(run.Id);
            var files = SaeExchange.Export(store, run.Id, dataset, folder);
            if (context.Json) context.WriteJson(new SaeExportReport(run.Id, files));
            else foreach (string file in files) context.Console.MarkupLine($"wrote [green]{Markup.Escape(file)}[/]");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    public static Command Import(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("import", "Store an SAE folder (sae.safetensors + cfg.json) as an SAE run on a stored recommender of the same input dimension, evaluated on import.");
        var folderArgument = new Argument<DirectoryInfo>("folder") { Description = "Folder written by 'sae export' (or SAELens-style safetensors with cfg.json)." };
        var recommender = new Option<string>("--recommender") { Description = "Recommender run id the SAE reads embeddings from.", Required = true };
        command.Arguments.Add(folderArgument);
        command.Options.Add(recommender);
        command.SetAction((parse, ct) =>
        {
            var context = contextFor(parse);
            using var store = new RunStore(context.StorePath);
            var recRun = store.Get(parse.GetValue(recommender)!);
            var dataset = context.LoadDataset(recRun.DatasetName, ct);
            var folder = parse.GetValue(folderArgument)!;
            if (!folder.Exists) throw new UsageException($"No folder '{folder.FullName}'.");
            var imported = SaeExchange.Import(store, folder.FullName, recRun.Id, dataset, ct);
            var m = imported.Metrics;
            if (context.Json)
            {
                var label = RunStore.RecommenderLabelOf(recRun);
                context.WriteJson(new SaeImportReport(imported.Run.Id, recRun.Id, label.Preset, label.Dim, imported.SameRecommenderWeights, m.Honest.MeanRbo, m.Honest.MeanKendall,
                    m.Monosemanticity, m.MeanL0, m.ExplainedVariance));
                return Task.FromResult(ExitCodes.Ok);
            }
            SaeMetricsView.Write(context.Console, imported.Run.Id, RunStore.RecommenderLabelOf(recRun), m);
            context.Console.MarkupLine(imported.SameRecommenderWeights
                ? $"Stored as run [green]{imported.Run.Id}[/] on recommender {Markup.Escape(recRun.Id)} (the one it was exported from)."
                : $"Stored as run [green]{imported.Run.Id}[/] on recommender {Markup.Escape(recRun.Id)} [yellow](not the recommender it was made on: metrics describe this pairing)[/].");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}

/// <summary>The JSON shape of <c>sae export</c>.</summary>
public sealed record SaeExportReport(string RunId, IReadOnlyList<string> Files);

/// <summary>The JSON shape of <c>sae import</c> (means over the test users, training positives excluded).</summary>
public sealed record SaeImportReport(string RunId, string RecommenderRunId, string RecommenderPreset, int RecommenderDim, bool SameRecommenderWeights, double Rbo, double Kendall,
    double Ms, double L0, double ExplainedVariance);
