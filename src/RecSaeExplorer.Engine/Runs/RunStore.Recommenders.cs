using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>Typed save and load of recommender runs (kind "recommender").</summary>
public sealed partial class RunStore
{
    public const string RecommenderKind = "recommender";

    /// <summary>Stores a trained recommender (and its metrics, when evaluated) as a new run.</summary>
    public RunInfo SaveRecommender(TrainedRecommender trained, RecommenderMetrics? metrics = null, string? id = null)
    {
        using var weights = new MemoryStream();
        trained.Model.SaveWeights(weights);
        var run = new RunInfo
        {
            Id = id ?? NewId(trained.Config.Model.Name()),
            Kind = RecommenderKind,
            Model = trained.Config.Model.Name(),
            Preset = trained.Config.Preset,
            Seed = trained.Config.Seed,
            DatasetName = trained.DatasetName,
            DatasetFingerprint = trained.DatasetFingerprint,
            SplitSeed = trained.SplitSeed,
            CreatedUtc = DateTime.UtcNow,
            Config = RunJson.ToObject(trained.Config),
            Metrics = metrics is null ? [] : RunJson.ToObject(metrics),
            EpochSeconds = trained.EpochSeconds,
            EpochLosses = trained.EpochLosses,
            TotalSeconds = trained.TotalSeconds,
        };
        return Save(run, weights.GetBuffer().AsMemory(0, (int)weights.Length));
    }

    /// <summary>
    /// Rebuilds a stored recommender, frozen, on <paramref name="device"/> (the run's device when null).
    /// Throws <see cref="DatasetMismatchException"/> when <paramref name="dataset"/> is not the data it was trained on.
    /// </summary>
    public TrainedRecommender LoadRecommender(string idOrPrefix, Dataset dataset, string? device = null) =>
        RebuildRecommender(ReadRun(idOrPrefix, RecommenderKind), dataset, device);

    /// <summary>
    /// The model of a stored recommender read by <see cref="ReadRun"/>: CPU work that needs no store, so a caller
    /// that serializes store access can do it outside its lock.
    /// </summary>
    public static TrainedRecommender RebuildRecommender(StoredRun stored, Dataset dataset, string? device = null)
    {
        var run = stored.Run;
        if (run.Kind != RecommenderKind) throw new InvalidOperationException($"Run '{run.Id}' is a {run.Kind} run, not a recommender.");
        if (run.DatasetFingerprint != dataset.Fingerprint) throw new DatasetMismatchException(run, dataset.Name, dataset.Fingerprint);
        var config = RecommenderConfigOf(run);
        if (device is not null) config = config with { Device = device };
        var model = RecommenderFactory.Create(config, dataset.Users.Count, dataset.Items.Count);
        try
        {
            using (var weights = new MemoryStream(stored.Weights, writable: false)) model.LoadWeights(weights);
            model.Freeze();
            return new TrainedRecommender(model, config, run.DatasetName, run.DatasetFingerprint, run.SplitSeed,
                run.EpochSeconds, run.EpochLosses, run.TotalSeconds);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public static RecommenderConfig RecommenderConfigOf(RunInfo run) => RunJson.FromObject<RecommenderConfig>(run.Config);

    /// <summary>Run id, model, recipe and dimension of a stored recommender run.</summary>
    public static RecommenderLabel RecommenderLabelOf(RunInfo run)
    {
        var config = RecommenderConfigOf(run);
        return new RecommenderLabel(run.Id, config.Model, config.Preset, config.EmbeddingDim, run.DatasetName);
    }

    /// <summary>The stored metrics, or null when the run was saved without evaluation.</summary>
    public static RecommenderMetrics? RecommenderMetricsOf(RunInfo run) =>
        run.Metrics.Count == 0 ? null : RunJson.FromObject<RecommenderMetrics>(run.Metrics);
}
