using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Interop;

/// <summary>What an SAE import stored: the new run, its recommender, and whether the file was made on that very recommender.</summary>
public sealed record SaeImport(RunInfo Run, SaeMetrics Metrics, bool SameRecommenderWeights);

/// <summary>
/// SAE runs in and out as a folder: <c>sae.safetensors</c> (SAELens names, see <see cref="SaeTensors"/>),
/// <c>cfg.json</c> (<see cref="SaeExchangeConfig"/>) and <c>ids.json</c> (<see cref="IdMaps"/>).
/// The safetensors container is written and read by TorchSharp.PyBridge.
/// </summary>
public static class SaeExchange
{
    public const string WeightsFile = "sae.safetensors";

    /// <summary>Writes a stored SAE run into <paramref name="folder"/> (created if needed); returns the files written.</summary>
    public static IReadOnlyList<string> Export(RunStore store, string saeRunId, Dataset dataset, string folder)
    {
        var run = store.Get(saeRunId);
        if (run.Kind != RunStore.SaeKind || run.ParentRunId is null) throw new InteropException($"Run '{run.Id}' is not an SAE run.");
        var recRun = store.Get(run.ParentRunId);
        using var recommender = store.LoadRecommender(recRun.Id, dataset);
        using var trained = store.LoadSae(run.Id, dataset, recommender.Model);
        Directory.CreateDirectory(folder);
        string weights = Path.Combine(folder, WeightsFile);
        var tensors = SaeTensors.From(trained.Sae);
        try
        {
            using var stream = File.Create(weights);
            Safetensors.SaveStateDict(stream, tensors, leaveOpen: true);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
        var config = trained.Config;
        bool topK = config.Architecture.Activation is SaeActivation.TopK or SaeActivation.BatchTopK; // JumpReLU has no k
        var cfg = new SaeExchangeConfig
        {
            Architecture = config.Architecture.Activation switch
            {
                SaeActivation.TopK => "topk", SaeActivation.BatchTopK => "batchtopk", SaeActivation.ExpertChoice => "jumprelu", _ => "standard",
            },
            DIn = trained.Sae.InputDim,
            DSae = trained.Sae.Width,
            ActivationFn = topK ? "topk" : "relu",
            ActivationKwargs = topK ? new() { ["k"] = config.Architecture.K } : [],
            Normalize = config.Architecture.Standardize ? "per_vector_standardize" : config.Architecture.UnitNormInput ? "per_vector_unit_norm" : "none",
            TiedDecoder = config.Architecture.TiedDecoder,
            Provenance = new SaeProvenance
            {
                SaeRunId = run.Id,
                SaeConfig = RunJson.ToObject(config),
                RecommenderRunId = recRun.Id,
                RecommenderModel = recRun.Model,
                RecommenderWeightsSha256 = store.WeightsSha256(recRun.Id),
                Dataset = run.DatasetName,
                DatasetFingerprint = run.DatasetFingerprint,
                SplitSeed = run.SplitSeed,
                Users = dataset.Users.Count,
                Items = dataset.Items.Count,
            },
        };
        return [weights, cfg.Write(folder), IdMaps.Of(dataset).Write(folder)];
    }

    /// <summary>
    /// Reads an export (or any folder with SAELens-named safetensors and cfg.json), binds it to the stored
    /// recommender <paramref name="recommenderRunId"/> (same input dimension required), evaluates it on that
    /// recommender's split and stores it as an SAE run.
    /// </summary>
    public static SaeImport Import(RunStore store, string folder, string recommenderRunId, Dataset dataset, CancellationToken cancellationToken = default)
    {
        var cfg = SaeExchangeConfig.Read(folder);
        var recRun = store.Get(recommenderRunId);
        if (recRun.Kind != RunStore.RecommenderKind) throw new InteropException($"Run '{recRun.Id}' is a {recRun.Kind} run, not a recommender.");
        int dim = RunStore.RecommenderConfigOf(recRun).EmbeddingDim;
        if (cfg.DIn != dim)
            throw new InteropException($"The SAE reads {cfg.DIn}-dimensional inputs (d_in), but recommender run '{recRun.Id}' has {dim}-dimensional embeddings.");
        var imported = cfg.ToSaeConfig();
        var config = imported with { Architecture = imported.Architecture with { Width = cfg.DSae } };
        string weights = Path.Combine(folder, WeightsFile);
        if (!File.Exists(weights)) throw new InteropException($"No {WeightsFile} in '{folder}'.");

        using var recommender = store.LoadRecommender(recRun.Id, dataset);
        var sae = new SparseAutoencoder(dim, config);
        SaeMetrics metrics;
        try
        {
            var tensors = Safetensors.LoadStateDict(weights);
            try
            {
                SaeTensors.Load(sae, tensors, cfg.ApplyBDecToInput);
            }
            finally
            {
                foreach (var t in tensors.Values) t.Dispose();
            }
            if (recommender.Model.Device.type != TorchSharp.DeviceType.CPU) sae.to(recommender.Model.Device);
            sae.eval();
            metrics = SaeEvaluator.Evaluate(dataset, DatasetSplit.Create(dataset, recRun.SplitSeed), recommender.Model, sae, cancellationToken: cancellationToken);
        }
        catch
        {
            sae.Dispose();
            throw;
        }
        using var trained = new TrainedSae(sae, recRun.DatasetName, recRun.DatasetFingerprint, recRun.SplitSeed, 0, 1, [], 0);
        var run = store.SaveSae(trained, recRun.Id, metrics);
        bool same = cfg.Provenance?.RecommenderWeightsSha256 is { } hash && hash == store.WeightsSha256(recRun.Id);
        return new SaeImport(run, metrics, same);
    }
}
