using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Jobs;

/// <summary>
/// Trains with the engine, evaluates like the CLI does and stores through <see cref="RunCatalog"/>.
/// Cancellation is checked up to the save, so a cancelled job never stores a run.
/// </summary>
public sealed class EngineTrainingRunner(DatasetService datasets, RunCatalog catalog) : ITrainingRunner
{
    /// <summary>Cut-offs evaluated after recommender training (the CLI's).</summary>
    private static readonly int[] Ks = [10, 20];

    public Task<string> RunAsync(TrainingRequest request, IProgress<JobProgress> progress, CancellationToken cancellationToken) =>
        request switch
        {
            RecommenderTrainingRequest r => TrainRecommenderAsync(r, progress, cancellationToken),
            SaeTrainingRequest s => TrainSaeAsync(s, progress, cancellationToken),
            _ => throw new NotSupportedException($"No runner for {request.GetType().Name}."),
        };

    private async Task<string> TrainRecommenderAsync(RecommenderTrainingRequest request, IProgress<JobProgress> progress, CancellationToken ct)
    {
        progress.Report(new JobProgress("Loading data", "epoch", 0, 0, null, TimeSpan.Zero, 0));
        var dataset = await datasets.GetAsync(request.Dataset, ct);
        var split = DatasetSplit.Create(dataset, request.SplitSeed);
        var config = RecommenderPresets.Get(request.Preset, request.Model, dataset.Name) with { Seed = request.Seed };
        if (request.Epochs is { } epochs) config = config with { Epochs = epochs };
        if (request.EmbeddingDim is { } dim) config = config with { EmbeddingDim = dim };
        if (request.BatchSize is { } batch) config = config with { BatchSize = batch };
        var heartbeat = new InlineProgress<TrainingProgress>(p => progress.Report(new JobProgress(
            "Training", "epoch", p.Epoch, p.Epochs, p.Loss, p.Elapsed,
            ((p.Epoch - 1) + (double)p.Step / Math.Max(1, p.StepsPerEpoch)) / Math.Max(1, p.Epochs))));
        var trained = RecommenderTrainer.Train(dataset, split, config, heartbeat, ct);
        try
        {
            progress.Report(new JobProgress("Evaluating", "epoch", config.Epochs, config.Epochs, trained.EpochLosses.LastOrDefault(),
                TimeSpan.FromSeconds(trained.TotalSeconds), 1));
            var metrics = RecommenderEvaluator.Evaluate(trained.Model, dataset, split, new EvaluationOptions { Ks = Ks }, ct);
            ct.ThrowIfCancellationRequested();
            return catalog.SaveRecommender(trained, metrics, dataset, split).Id; // the catalog keeps the model
        }
        catch
        {
            trained.Dispose();
            throw;
        }
    }

    private async Task<string> TrainSaeAsync(SaeTrainingRequest request, IProgress<JobProgress> progress, CancellationToken ct)
    {
        progress.Report(new JobProgress("Loading recommender", "step", 0, 0, null, TimeSpan.Zero, 0));
        string parentId = request.RecommenderRunId
            ?? catalog.NewestRecommender(request.Dataset)?.Id
            ?? throw new InvalidOperationException($"There is no recommender run of {request.Dataset} to train an SAE on.");
        var parent = await catalog.GetRecommenderAsync(parentId, ct);
        var model = RecommenderModelNames.Parse(parent.Run.Model);
        var config = SaePresets.Get(request.Preset, model, parent.Recommender.Model.EmbeddingDim) with { Seed = request.Seed };
        if (request.Beta is { } beta) config = config with { Beta = beta };
        if (request.Steps is { } steps) config = config with { Steps = steps };
        var heartbeat = new InlineProgress<SaeTrainingProgress>(p => progress.Report(new JobProgress(
            "Training", "step", p.Step, p.Steps, p.Loss.Total, p.Elapsed, (double)p.Step / Math.Max(1, p.Steps))));
        using var trained = SaeTrainer.Train(parent.Dataset, parent.Split, parent.Recommender.Model, config, heartbeat, ct);
        progress.Report(new JobProgress("Evaluating", "step", trained.Steps, trained.Steps, trained.LossCurve.LastOrDefault(),
            TimeSpan.FromSeconds(trained.TotalSeconds), 1));
        var metrics = SaeEvaluator.Evaluate(parent.Dataset, parent.Split, parent.Recommender.Model, trained.Sae, cancellationToken: ct);
        ct.ThrowIfCancellationRequested();
        return catalog.SaveSae(trained, parent.Run.Id, metrics).Id;
    }
}
