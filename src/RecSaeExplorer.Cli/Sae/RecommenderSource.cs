using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Cli.Sae;

/// <summary>
/// The frozen recommender an SAE command works on: a given run, else the newest stored run of the same
/// dataset, model, preset and split seed, else one trained now (with that preset) and stored.
/// </summary>
internal static class RecommenderSource
{
    public static (TrainedRecommender Model, string RunId) Get(RunStore store, Dataset dataset, string? runId,
        RecommenderModel model, string preset, int splitSeed, DatasetSplit split, int threads, int? dim, Action<string> log, CancellationToken ct)
    {
        if (runId is not null)
        {
            var run = store.Get(runId);
            return (store.LoadRecommender(run.Id, dataset), run.Id);
        }
        var config = RecommenderPresets.Get(preset, model, dataset.Name) with { Threads = threads };
        if (dim is { } d) config = config with { EmbeddingDim = d, Preset = $"{config.Preset}-d{d}" };
        preset = config.Preset;
        var stored = store.List(RunStore.RecommenderKind).FirstOrDefault(r =>
            r.DatasetFingerprint == dataset.Fingerprint && r.Model == model.Name() && r.SplitSeed == splitSeed
            && string.Equals(r.Preset, preset, StringComparison.OrdinalIgnoreCase));
        if (stored is not null)
        {
            log($"Using stored recommender {stored.Id}.");
            return (store.LoadRecommender(stored.Id, dataset), stored.Id);
        }
        log($"Training the {model.Name()} recommender ({preset} preset) on {dataset.Name}...");
        var progress = new SyncProgress<TrainingProgress>(p =>
        {
            if (p.EpochDone) log($"  epoch {p.Epoch}/{p.Epochs}: loss {p.Loss:F4}, {p.Elapsed.TotalSeconds:F0} s");
        });
        var trained = RecommenderTrainer.Train(dataset, split, config, progress, ct);
        var saved = store.SaveRecommender(trained);
        log($"Stored recommender {saved.Id} ({trained.TotalSeconds:F0} s).");
        return (trained, saved.Id);
    }
}
