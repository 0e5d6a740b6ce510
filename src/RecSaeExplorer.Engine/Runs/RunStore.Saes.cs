using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;
using TorchSharp;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>Typed save and load of SAE runs (kind "sae"), each linked to its recommender run.</summary>
public sealed partial class RunStore
{
    public const string SaeKind = "sae";

    /// <summary>Stores a trained SAE (and its metrics, when evaluated) as a new run whose parent is the recommender run.</summary>
    public RunInfo SaveSae(TrainedSae trained, string recommenderRunId, SaeMetrics? metrics = null, string? id = null)
    {
        var parent = Get(recommenderRunId);
        if (parent.Kind != RecommenderKind) throw new InvalidOperationException($"Run '{parent.Id}' is a {parent.Kind} run, not a recommender.");
        if (parent.DatasetFingerprint != trained.DatasetFingerprint)
            throw new InvalidOperationException($"The SAE was trained on other data than recommender run '{parent.Id}'.");
        var weights = new MemoryStream();
        trained.Sae.save(weights); // closes the stream; ToArray still works on a closed MemoryStream
        var run = new RunInfo
        {
            Id = id ?? NewId($"sae-{parent.Model}"),
            Kind = SaeKind,
            Model = SaeRunDocument.ModelName(trained.Config),
            Preset = trained.Config.Preset,
            Seed = trained.Config.Seed,
            DatasetName = trained.DatasetName,
            DatasetFingerprint = trained.DatasetFingerprint,
            SplitSeed = trained.SplitSeed,
            ParentRunId = parent.Id,
            CreatedUtc = DateTime.UtcNow,
            Config = SaeRunDocument.ConfigToJson(trained),
            Metrics = metrics is null ? [] : RunJson.ToObject(metrics),
            EpochLosses = trained.LossCurve,
            TotalSeconds = trained.TotalSeconds,
        };
        return Save(run, weights.ToArray());
    }

    /// <summary>
    /// Rebuilds a stored SAE for its (already loaded) recommender. Throws <see cref="DatasetMismatchException"/>
    /// when <paramref name="dataset"/> is not the data it was trained on.
    /// </summary>
    public TrainedSae LoadSae(string idOrPrefix, Dataset dataset, IRecommender recommender) =>
        RebuildSae(ReadRun(idOrPrefix, SaeKind), dataset, recommender);

    /// <summary>The SAE of a run read by <see cref="ReadRun"/>: CPU work that needs no store (see <see cref="RebuildRecommender"/>).</summary>
    public static TrainedSae RebuildSae(StoredRun stored, Dataset dataset, IRecommender recommender)
    {
        var run = stored.Run;
        if (run.Kind != SaeKind) throw new InvalidOperationException($"Run '{run.Id}' is a {run.Kind} run, not an SAE.");
        if (run.DatasetFingerprint != dataset.Fingerprint) throw new DatasetMismatchException(run, dataset.Name, dataset.Fingerprint);
        var (config, steps, every) = SaeRunDocument.ConfigFromJson(run.Config);
        var sae = new SparseAutoencoder(recommender.EmbeddingDim, config);
        try
        {
            if (recommender.Device.type != TorchSharp.DeviceType.CPU) sae.to(recommender.Device);
            using (var weights = new MemoryStream(stored.Weights, writable: false)) sae.load(weights, strict: true);
            sae.eval();
            return new TrainedSae(sae, run.DatasetName, run.DatasetFingerprint, run.SplitSeed, steps, every, run.EpochLosses, run.TotalSeconds);
        }
        catch
        {
            sae.Dispose();
            throw;
        }
    }

    /// <summary>Replaces an SAE run's stored metrics (after a re-evaluation).</summary>
    public RunInfo UpdateSaeMetrics(string id, SaeMetrics metrics) => UpdateMetrics(id, RunJson.ToObject(metrics));

    public static SaeConfig SaeConfigOf(RunInfo run) => SaeRunDocument.ConfigFromJson(run.Config).Config;

    /// <summary>The stored metrics, or null when the run was saved without evaluation.</summary>
    public static SaeMetrics? SaeMetricsOf(RunInfo run) => run.Metrics.Count == 0 ? null : RunJson.FromObject<SaeMetrics>(run.Metrics);
}
