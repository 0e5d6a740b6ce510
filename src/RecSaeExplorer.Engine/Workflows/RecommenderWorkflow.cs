using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Workflows.Requests;

namespace RecSaeExplorer.Engine.Workflows;

/// <summary>A trained and evaluated recommender; <see cref="Run"/> is null when it was not stored.</summary>
public sealed record RecommenderResult(RunInfo? Run, TrainedRecommender Trained, DatasetSplit Split, RecommenderMetrics Metrics);

/// <summary>Train-and-store for recommenders, and the rule for the recommender an SAE works on.</summary>
public static class RecommenderWorkflow
{
    /// <summary>
    /// Trains <paramref name="request"/> on <paramref name="dataset"/>, evaluates it at
    /// <see cref="WorkflowDefaults.Ks"/> and stores it with its metrics (not when <paramref name="store"/>
    /// is null). Cancellation is checked up to the save, so a cancelled training never stores a run.
    /// The caller owns the trained model.
    /// </summary>
    public static RecommenderResult TrainAndStore(IRunStoreAccess? store, Dataset dataset, RecommenderRequest request,
        IProgress<TrainingProgress>? progress = null, Action<string>? phase = null, CancellationToken cancellationToken = default)
    {
        var config = request.ToConfig(dataset.Name);
        var split = DatasetSplit.Create(dataset, request.SplitSeed);
        phase?.Invoke("Training");
        var trained = RecommenderTrainer.Train(dataset, split, config, progress, cancellationToken);
        try
        {
            phase?.Invoke("Evaluating");
            var metrics = Evaluate(trained, dataset, split, EvaluationUsers.All, WorkflowDefaults.Ks, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var run = store?.Use(s => s.SaveRecommender(trained, metrics));
            return new RecommenderResult(run, trained, split, metrics);
        }
        catch
        {
            trained.Dispose();
            throw;
        }
    }

    public static RecommenderMetrics Evaluate(TrainedRecommender trained, Dataset dataset, DatasetSplit split, EvaluationUsers users,
        IReadOnlyList<int> ks, CancellationToken cancellationToken = default) =>
        RecommenderEvaluator.Evaluate(trained.Model, dataset, split, new EvaluationOptions { Ks = ks, Users = users }, cancellationToken);

    /// <summary>
    /// The frozen recommender an SAE is trained on: the named run; else the newest stored run of the
    /// same dataset, model, recipe label and split seed (<see cref="RecommenderChoice"/>); else one
    /// trained now from <paramref name="request"/> and stored with its metrics.
    /// </summary>
    public static LoadedRecommender FindOrTrain(IRunStoreAccess store, Dataset dataset, string? runId, RecommenderRequest request,
        IProgress<TrainingProgress>? progress = null, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        if (runId is not null) return LoadedRecommender.Load(store, runId, dataset);
        var config = request.ToConfig(dataset.Name);
        var criteria = new RecommenderCriteria(dataset.Fingerprint) { Model = request.Model, Preset = config.Preset, SplitSeed = request.SplitSeed };
        if (RecommenderChoice.Newest(store, criteria) is { } stored)
        {
            log?.Invoke($"Using stored recommender {stored.Id}.");
            return LoadedRecommender.Load(store, stored.Id, dataset);
        }
        log?.Invoke($"Training the {request.Model.Name()} recommender ({config.Preset} preset) on {dataset.Name}...");
        var result = TrainAndStore(store, dataset, request, progress, cancellationToken: cancellationToken);
        var run = result.Run!; // stored: the store is not null
        log?.Invoke($"Stored recommender {run.Id} ({result.Trained.TotalSeconds:F0} s).");
        return new LoadedRecommender(run, dataset, result.Split, result.Trained);
    }
}
