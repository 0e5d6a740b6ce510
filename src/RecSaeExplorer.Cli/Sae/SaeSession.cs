using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Sae.Training;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Sae;

/// <summary>A loaded dataset, its split and a frozen recommender: what training and evaluating SAEs needs.</summary>
internal sealed class SaeSession(CliContext context, Dataset dataset, DatasetSplit split, TrainedRecommender recommender, string recommenderRunId)
{
    public Dataset Dataset { get; } = dataset;
    public DatasetSplit Split { get; } = split;
    public TrainedRecommender Recommender { get; } = recommender;
    public string RecommenderRunId { get; } = recommenderRunId;
    public RecommenderLabel Label { get; } = RecommenderLabel.Of(recommenderRunId, recommender);

    public static SaeSession Open(CliContext context, RunStore store, Dataset dataset, ParseResult parse, SaeOptions options,
        RecommenderModel model, CancellationToken ct)
    {
        int splitSeed = parse.GetValue(options.SplitSeed);
        var split = DatasetSplit.Create(dataset, splitSeed);
        var (recommender, runId) = RecommenderSource.Get(store, dataset, parse.GetValue(options.Recommender), model,
            parse.GetValue(options.RecPreset)!, splitSeed, split, parse.GetValue(options.Threads), parse.GetValue(options.RecDim), message => Log(context, message), ct);
        if (recommender.SplitSeed != splitSeed) split = DatasetSplit.Create(dataset, recommender.SplitSeed);
        return new SaeSession(context, dataset, split, recommender, runId);
    }

    /// <summary>Trains (with a progress bar on a terminal) and evaluates on the test users.</summary>
    public (TrainedSae Trained, SaeMetrics Metrics) TrainAndEvaluate(SaeConfig config, CancellationToken ct)
    {
        TrainedSae trained = context.Json || !context.Console.Profile.Capabilities.Interactive
            ? SaeTrainer.Train(Dataset, Split, Recommender.Model, config, cancellationToken: ct)
            : context.Console.Progress().Start(p =>
            {
                var task = p.AddTask($"SAE {Markup.Escape(config.Preset)} β={config.Beta:G}", maxValue: 1);
                var progress = new SyncProgress<SaeTrainingProgress>(r => { task.MaxValue = r.Steps; task.Value = r.Step; });
                return SaeTrainer.Train(Dataset, Split, Recommender.Model, config, progress, ct);
            });
        try
        {
            return (trained, SaeEvaluator.Evaluate(Dataset, Split, Recommender.Model, trained.Sae, cancellationToken: ct));
        }
        catch
        {
            trained.Dispose();
            throw;
        }
    }

    public static void Log(CliContext context, string message)
    {
        if (!context.Json) context.Console.MarkupLine(Markup.Escape(message));
    }
}
