using System.CommandLine;
using System.Globalization;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Sae.Sweeps;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Engine.Workflows.Requests;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Sae;

/// <summary>
/// <c>recsae sae sweep</c>: every model × preset × β × seed, one frozen recommender per model;
/// prints mean ± sd over seeds beside the paper's numbers and writes the table as CSV (after every cell,
/// so a cut-short sweep leaves its finished rows).
/// </summary>
internal static class SweepCommand
{
    public static Command Build(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("sweep", "Sweep β (and presets) over seeds; table on the console and CSV.");
        var models = new Option<string>("--model") { Description = "Comma-separated recommender models.", DefaultValueFactory = _ => "mf,ncf" };
        var betas = new Option<string>("--beta") { Description = "β values, separated by commas.", DefaultValueFactory = _ => string.Join(",", WorkflowDefaults.SweepBetas) };
        var seeds = new Option<int>("--seeds") { Description = "SAE seeds per cell (1..n).", DefaultValueFactory = _ => 3 };
        var presets = new Option<string>("--preset") { Description = "Comma-separated SAE presets.", DefaultValueFactory = _ => "paper" };
        var csv = new Option<FileInfo?>("--csv") { Description = "CSV output (default: sweeps/ under the state folder)." };
        var noSave = new Option<bool>("--no-save") { Description = "Do not store the SAE runs." };
        // Sweeps are compared with the paper, whose numbers only hold on its own recommender recipe.
        var shared = new SaeOptions(defaultRecPreset: RecommenderPresets.Paper);
        foreach (var option in new Option[] { models, betas, seeds, presets, csv, noSave }) command.Options.Add(option);
        shared.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var context = contextFor(parse);
            var plan = new SweepPlan(
                parse.GetValue(models)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(SaeCommands.Parse).ToArray(),
                parse.GetValue(presets)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                ParseBetas(parse.GetValue(betas)!), parse.GetValue(seeds));
            if (plan.Seeds <= 0) throw new UsageException("--seeds must be positive.");
            string csvPath = parse.GetValue(csv)?.FullName
                ?? Path.Combine(context.Paths.StateRoot, "sweeps", $"sweep-{context.DatasetName}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
            var rows = Run(context, parse, shared, plan, csvPath, !parse.GetValue(noSave), ct);
            if (context.Json) context.WriteJson(rows);
            else
            {
                SaeMetricsView.Write(context.Console, rows);
                context.Console.WriteLine($"CSV: {csvPath}");
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private sealed record SweepPlan(RecommenderModel[] Models, string[] Presets, double[] Betas, int Seeds);

    private static List<SweepRow> Run(CliContext context, ParseResult parse, SaeOptions shared, SweepPlan plan, string csvPath,
        bool save, CancellationToken ct)
    {
        var dataset = context.LoadDataset(ct);
        using var store = new RunStore(context.StorePath);
        var rows = new List<SweepRow>();
        foreach (var model in plan.Models)
        {
            using var session = SaeSession.Open(context, store, dataset, parse, shared, model, ct);
            var label = session.Recommender.Label;
            SaeSession.Log(context, $"Recommender: {label}.");
            foreach (string preset in plan.Presets)
            {
                foreach (double beta in plan.Betas)
                {
                    var runs = new List<(SaeMetrics, double)>();
                    for (int seed = 1; seed <= plan.Seeds; seed++)
                    {
                        using var result = session.TrainAndStore(shared.SaeRequest(parse, preset, seed, beta), save, ct);
                        string id = result.Run?.Id ?? "(not stored)";
                        SaeSession.Log(context, RunLine(label, preset, beta, seed, id, result.Metrics, result.Trained.TotalSeconds));
                        runs.Add((result.Metrics, result.Trained.TotalSeconds));
                    }
                    rows.Add(SweepRow.Of(label, preset, beta, runs));
                    SweepCsv.Write(csvPath, rows);
                }
            }
        }
        return rows;
    }

    private static string RunLine(RecommenderLabel recommender, string preset, double beta, int seed, string id, SaeMetrics m, double seconds) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{recommender.Model.Name()} ({recommender.Preset} d={recommender.Dim}) {preset} β={beta:G} seed={seed}: RBO {m.Honest.MeanRbo:F3} ext {m.Honest.MeanRboExt:F3} τ {m.Honest.MeanKendall:F3} " +
            $"(seen: {m.SeenIncluded.MeanRbo:F3}/{m.SeenIncluded.MeanKendall:F3}) MS {m.Monosemanticity:F3}/{m.MonosemanticityMetadata:F3} " +
            $"L0 {m.MeanL0:F1} dead {100 * m.DeadShare:F1}% rare {100 * m.RareShare:F1}% EV {m.ExplainedVariance:F3} HR {m.ReconstructedAccuracy?.HitRate:F3}/{m.OriginalAccuracy?.HitRate:F3} " +
            $"{seconds:F0}s {id}");

    private static double[] ParseBetas(string text)
    {
        try
        {
            return [.. BetaList.Parse(text)];
        }
        catch (FormatException e)
        {
            throw new UsageException($"--beta: {e.Message}");
        }
    }
}
