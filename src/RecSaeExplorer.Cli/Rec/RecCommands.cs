using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Export;
using RecSaeExplorer.Engine.Interop;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Integrity;
using RecSaeExplorer.Engine.Workflows;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Rec;

/// <summary><c>recsae rec train|eval|export|import</c>: the recommenders an SAE explains.</summary>
public static class RecCommands
{
    /// <summary>Cut-offs of <c>rec eval</c> by default: those reported after training.</summary>
    private static readonly int[] DefaultKs = [.. WorkflowDefaults.Ks];

    public static Command Build(Func<ParseResult, CliContext> contextFor)
    {
        var rec = new Command("rec", "Train, evaluate and export MF and NCF recommenders.");
        rec.Subcommands.Add(Train(contextFor));
        rec.Subcommands.Add(Eval(contextFor));
        rec.Subcommands.Add(Export(contextFor));
        rec.Subcommands.Add(RecImportCommand.Build(contextFor));
        return rec;
    }

    private static Command Train(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("train", "Train a recommender on --dataset, evaluate it on the held-out positives and store it as a run.");
        var options = new RecTrainOptions();
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var context = contextFor(parse);
            bool save = !parse.GetValue(options.NoSave);
            if (save) RunStore.EnsureWritable(context.StorePath);
            var dataset = context.LoadDataset(cancellationToken);
            var request = options.Request(parse);
            var config = request.ToConfig(dataset.Name);
            var store = save ? new RunStoreFile(context.StorePath) : null;
            string label = $"{config.Model.ToString().ToLowerInvariant()} ({config.Preset})";
            var result = context.Json
                ? RecommenderWorkflow.TrainAndStore(store, dataset, request, cancellationToken: cancellationToken)
                : TrainingBar.Run(context.Console, label, (progress, phase) =>
                    RecommenderWorkflow.TrainAndStore(store, dataset, request, progress, phase, cancellationToken));
            using var trained = result.Trained;
            var (run, metrics) = (result.Run, result.Metrics);
            var report = RecTrainReport.Of(run?.Id, trained, metrics);
            if (context.Json) context.WriteJson(report);
            else WriteTrainSummary(context.Console, report, metrics);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Eval(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("eval", "Evaluate a stored recommender run: full ranking and the NCF protocol (1 + 99 sampled).");
        var runArgument = RunArgument();
        var ks = new Option<int[]>("--k") { Description = "Cut-offs, e.g. --k 5 10 20.", DefaultValueFactory = _ => DefaultKs, AllowMultipleArgumentsPerToken = true };
        var testUsers = new Option<bool>("--test-users") { Description = "Evaluate only the split's test users (those the SAE never trains on)." };
        command.Arguments.Add(runArgument);
        command.Options.Add(ks);
        command.Options.Add(testUsers);
        command.SetAction((parse, cancellationToken) =>
        {
            var context = contextFor(parse);
            var (run, dataset, trained) = OpenStored(context, parse.GetValue(runArgument)!, cancellationToken);
            using var _ = trained;
            var split = DatasetSplit.Create(dataset, run.SplitSeed);
            var users = parse.GetValue(testUsers) ? EvaluationUsers.TestUsers : EvaluationUsers.All;
            var metrics = Evaluate(context, trained, dataset, split, parse.GetValue(ks)!, users, cancellationToken);
            if (context.Json) context.WriteJson(new RecEvalReport(run.Id, metrics));
            else MetricsView.Write(context.Console, metrics, $"{run.Id} on {dataset.Name} ({metrics.UsersEvaluated:N0} users)");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Export(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("export", "Write a stored recommender: embeddings (and MF biases) as CSV files, or the whole model as safetensors or a PyTorch state dict with cfg.json and ids.json.");
        var runArgument = RunArgument();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the files (default: ./<run id>)." };
        var format = new Option<string>("--format") { Description = "csv (embeddings), safetensors or pth (the model's state dict).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "safetensors", "pth");
        command.Arguments.Add(runArgument);
        command.Options.Add(output);
        command.Options.Add(format);
        command.SetAction((parse, cancellationToken) =>
        {
            var context = contextFor(parse);
            var (run, dataset, trained) = OpenStored(context, parse.GetValue(runArgument)!, cancellationToken);
            using var _ = trained;
            using var store = new RunStore(context.StorePath);
            string folder = parse.GetValue(output)?.FullName ?? Path.GetFullPath(run.Id);
            var files = parse.GetValue(format) switch
            {
                "safetensors" => RecommenderExchange.Export(store, run.Id, dataset, folder, ModelFileFormat.Safetensors),
                "pth" => RecommenderExchange.Export(store, run.Id, dataset, folder, ModelFileFormat.Pth),
                _ => EmbeddingExporter.Export(trained.Model, dataset, folder),
            };
            if (context.Json) context.WriteJson(new RecExportReport(run.Id, files));
            else foreach (string file in files) context.Console.MarkupLine($"wrote [green]{Markup.Escape(file)}[/]");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>A stored recommender run with the dataset it was trained on (loaded through --data-dir when given).</summary>
    private static (RunInfo Run, Dataset Dataset, TrainedRecommender Trained) OpenStored(CliContext context, string runId, CancellationToken cancellationToken)
    {
        using var store = new RunStore(context.StorePath, StoreAccess.Read);
        var run = store.Get(runId);
        var dataset = context.LoadDataset(run.DatasetName, cancellationToken);
        return (run, dataset, store.LoadRecommender(run.Id, dataset));
    }

    internal static Argument<string> RunArgument() => new("run") { Description = "Run id (or a unique prefix of it); see 'recsae runs list'." };

    private static RecommenderMetrics Evaluate(CliContext context, TrainedRecommender trained, Dataset dataset, DatasetSplit split,
        int[] ks, EvaluationUsers users, CancellationToken cancellationToken)
    {
        if (context.Json) return RecommenderWorkflow.Evaluate(trained, dataset, split, users, ks, cancellationToken);
        return context.Console.Status().Start("Evaluating...", _ => RecommenderWorkflow.Evaluate(trained, dataset, split, users, ks, cancellationToken));
    }

    private static void WriteTrainSummary(IAnsiConsole console, RecTrainReport report, RecommenderMetrics metrics)
    {
        MetricsView.Write(console, metrics, $"{report.Model} ({report.Preset}) on {report.Dataset}");
        double median = report.EpochSeconds.Count == 0 ? 0 : report.EpochSeconds.Order().ElementAt(report.EpochSeconds.Count / 2);
        console.MarkupLine($"{report.EpochSeconds.Count} epochs, median {median:F2} s/epoch, total {report.TotalSeconds:F1} s");
        console.MarkupLine(report.RunId is null ? "[yellow]not stored[/] (--no-save)" : $"stored as run [green]{report.RunId}[/]");
    }
}
