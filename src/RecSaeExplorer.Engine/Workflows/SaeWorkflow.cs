using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Workflows.Requests;

namespace RecSaeExplorer.Engine.Workflows;

/// <summary>A trained and evaluated SAE; <see cref="Run"/> is null when it was not stored.</summary>
public sealed record SaeResult(RunInfo? Run, TrainedSae Trained, SaeMetrics Metrics) : IDisposable
{
    public void Dispose() => Trained.Dispose();
}

/// <summary>Train-and-store for SAEs on a loaded recommender.</summary>
public static class SaeWorkflow
{
    /// <summary>
    /// Trains <paramref name="request"/> on <paramref name="parent"/>'s frozen recommender, evaluates it
    /// on the split's test users and stores it with its metrics (not when <paramref name="store"/> is
    /// null). A cancelled training never stores a run. The caller owns the result.
    /// </summary>
    public static SaeResult TrainAndStore(IRunStoreAccess? store, LoadedRecommender parent, SaeRequest request,
        IProgress<SaeTrainingProgress>? progress = null, Action<string>? phase = null, CancellationToken cancellationToken = default)
    {
        var recommender = parent.Recommender;
        var config = request.ToConfig(recommender.Config.Model, recommender.Model.EmbeddingDim);
        phase?.Invoke("Training");
        var trained = SaeTrainer.Train(parent.Dataset, parent.Split, recommender.Model, config, progress, cancellationToken);
        try
        {
            phase?.Invoke("Evaluating");
            var metrics = SaeEvaluator.Evaluate(parent.Dataset, parent.Split, recommender.Model, trained.Sae, cancellationToken: cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var run = store?.Use(s => s.SaveSae(trained, parent.Run.Id, metrics));
            return new SaeResult(run, trained, metrics);
        }
        catch
        {
            trained.Dispose();
            throw;
        }
    }
}
