using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Engine.Workflows.Requests;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Sae;

/// <summary>A frozen recommender (with its dataset and split) and the store: what <c>sae train</c> and <c>sae sweep</c> work with.</summary>
internal sealed class SaeSession(CliContext context, RunStore store, LoadedRecommender recommender) : IDisposable
{
    public LoadedRecommender Recommender { get; } = recommender;

    /// <summary>The named recommender, else the workflow's choice (<see cref="RecommenderWorkflow.FindOrTrain"/>).</summary>
    public static SaeSession Open(CliContext context, RunStore store, Dataset dataset, ParseResult parse, SaeOptions options,
        RecommenderModel model, CancellationToken ct)
    {
        var epochs = new SyncProgress<TrainingProgress>(p =>
        {
            if (p.EpochDone) Log(context, $"  epoch {p.Epoch}/{p.Epochs}: loss {p.Loss:F4}, {p.Elapsed.TotalSeconds:F0} s");
        });
        var loaded = UsageException.From(() => RecommenderWorkflow.FindOrTrain(store, dataset, parse.GetValue(options.Recommender), options.RecommenderRequest(parse, model),
            epochs, message => Log(context, message), ct));
        return new SaeSession(context, store, loaded);
    }

    /// <summary>Trains (with a progress bar on a terminal), evaluates on the test users and stores unless <paramref name="save"/> is false.</summary>
    public SaeResult TrainAndStore(SaeRequest request, bool save, CancellationToken ct)
    {
        var config = UsageException.From(() => request.ToConfig(Recommender.Recommender.Config.Model, Recommender.Recommender.Model.EmbeddingDim));
        var target = save ? store : null;
        if (context.Json || !context.Console.Profile.Capabilities.Interactive)
            return SaeWorkflow.TrainAndStore(target, Recommender, request, cancellationToken: ct);
        return context.Console.Progress().Start(p =>
        {
            string label = $"SAE {Markup.Escape(config.Preset)} β={config.Loss.Beta:G}";
            var task = p.AddTask(label, maxValue: 1);
            var progress = new SyncProgress<SaeTrainingProgress>(r => { task.MaxValue = r.Steps; task.Value = r.Step; });
            return SaeWorkflow.TrainAndStore(target, Recommender, request, progress, phase => task.Description = $"{label} {phase.ToLowerInvariant()}", ct);
        });
    }

    public static void Log(CliContext context, string message)
    {
        if (!context.Json) context.Console.MarkupLine(Markup.Escape(message));
    }

    public void Dispose() => Recommender.Dispose();
}
