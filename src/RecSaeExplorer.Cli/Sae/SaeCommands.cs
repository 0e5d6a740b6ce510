using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Workflows;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Sae;

/// <summary><c>recsae sae train|eval|sweep|export|import</c>: sparse autoencoders on a frozen recommender's embeddings.</summary>
public static class SaeCommands
{
    public static Command Build(Func<ParseResult, CliContext> contextFor)
    {
        var sae = new Command("sae", "Train, evaluate and sweep sparse autoencoders on recommender embeddings.");
        sae.Subcommands.Add(Train(contextFor));
        sae.Subcommands.Add(Eval(contextFor));
        sae.Subcommands.Add(SweepCommand.Build(contextFor));
        sae.Subcommands.Add(SaeExchangeCommands.Export(contextFor));
        sae.Subcommands.Add(SaeExchangeCommands.Import(contextFor));
        return sae;
    }

    private static Command Train(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("train", "Train one SAE on a frozen recommender, evaluate it on the test users and store it.");
        var model = new Option<string>("--model") { Description = "Recommender model when no --recommender is given: mf or ncf.", DefaultValueFactory = _ => "mf" };
        var preset = new Option<string>("--preset") { Description = $"SAE preset: {string.Join(", ", SaePresets.Names)}.", DefaultValueFactory = _ => SaePresets.Paper };
        var beta = new Option<double?>("--beta") { Description = "β, the weight of the prediction-aware term (default: the preset's)." };
        var seed = new Option<int>("--seed") { Description = "SAE seed.", DefaultValueFactory = _ => WorkflowDefaults.SaeSeed };
        var shared = new SaeOptions();
        command.Options.Add(model);
        command.Options.Add(preset);
        command.Options.Add(beta);
        command.Options.Add(seed);
        shared.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var context = contextFor(parse);
            var dataset = context.LoadDataset(ct);
            using var store = new RunStore(context.StorePath);
            using var session = SaeSession.Open(context, store, dataset, parse, shared, Parse(parse.GetValue(model)!), ct);
            using var result = session.TrainAndStore(shared.SaeRequest(parse, parse.GetValue(preset)!, parse.GetValue(seed), parse.GetValue(beta)), save: true, ct);
            Report(context, result.Run!, session.Recommender.Label, result.Metrics, result.Trained.TotalSeconds);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Eval(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("eval", "Evaluate a stored SAE run on its split's test users and update its stored metrics.");
        var runArgument = new Argument<string>("run") { Description = "SAE run id (or a unique prefix)." };
        var lists = new Option<FileInfo?>("--lists")
        {
            Description = "Also write each test user's top-30 original and reconstructed lists (honest and seen-included) to this CSV.",
        };
        command.Arguments.Add(runArgument);
        command.Options.Add(lists);
        command.SetAction((parse, ct) =>
        {
            var context = contextFor(parse);
            var dataset = context.LoadDataset(ct);
            using var store = new RunStore(context.StorePath);
            var run = store.Get(parse.GetValue(runArgument)!);
            if (run.Kind != RunStore.SaeKind || run.ParentRunId is null) throw new UsageException($"Run '{run.Id}' is not an SAE run.");
            using var recommender = store.LoadRecommender(run.ParentRunId, dataset);
            using var sae = store.LoadSae(run.Id, dataset, recommender.Model);
            var split = DatasetSplit.Create(dataset, run.SplitSeed);
            var (metrics, topLists) = SaeEvaluator.EvaluateWithLists(dataset, split, recommender.Model, sae.Sae, cancellationToken: ct);
            store.UpdateSaeMetrics(run.Id, metrics);
            if (parse.GetValue(lists) is { } file) WriteLists(file, topLists, dataset);
            Report(context, run, RecommenderLabel.Of(run.ParentRunId, recommender), metrics, run.TotalSeconds);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    internal static RecommenderModel Parse(string model) => UsageException.From(() => RecommenderModelNames.Parse(model));

    /// <summary>Written next to the target and moved into place, so a failed write leaves no half file.</summary>
    private static void WriteLists(FileInfo file, SaeTopLists lists, Dataset dataset)
    {
        if (file.DirectoryName is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        string temp = file.FullName + ".tmp";
        using (var writer = new StreamWriter(temp)) lists.WriteCsv(writer, dataset);
        File.Move(temp, file.FullName, overwrite: true);
    }

    private static void Report(CliContext context, RunInfo run, RecommenderLabel recommender, SaeMetrics metrics, double seconds)
    {
        if (context.Json)
        {
            context.WriteJson(new SaeRunReport(run.Id, recommender.RunId, recommender.Preset, recommender.Dim, run.Preset, seconds, metrics.Honest.MeanRbo,
                metrics.Honest.MeanRboExt, metrics.Honest.MeanKendall, metrics.SeenIncluded.MeanRbo, metrics.SeenIncluded.MeanKendall,
                metrics.Monosemanticity, metrics.MonosemanticityMetadata, metrics.MeanL0, metrics.DeadShare, metrics.RareShare, metrics.ExplainedVariance,
                metrics.MonosemanticityPerNeuron));
            return;
        }
        SaeMetricsView.Write(context.Console, run.Id, recommender, metrics);
        context.Console.MarkupLine($"Trained in {seconds:F1} s.");
    }
}

/// <summary>The JSON shape of <c>sae train</c> and <c>sae eval</c> (means over test users; honest = training positives excluded).</summary>
public sealed record SaeRunReport(string RunId, string RecommenderRunId, string RecommenderPreset, int RecommenderDim, string Preset, double TrainSeconds, double Rbo, double RboExt,
    double Kendall, double RboSeenIncluded, double KendallSeenIncluded, double Ms, double MsMetadata, double L0, double DeadShare,
    double RareShare, double ExplainedVariance, double[] MsPerNeuron);
