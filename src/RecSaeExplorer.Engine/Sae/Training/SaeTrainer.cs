using System.Diagnostics;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Training;

/// <summary>
/// Trains an SAE on the embeddings of a frozen recommender: the split's training users plus all items
/// (test users are held out). Adam, seeded batches, one dispose scope per step.
/// </summary>
public static class SaeTrainer
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(500);
    private const int CurveBlocks = 50;

    public static TrainedSae Train(Dataset dataset, DatasetSplit split, IRecommender recommender, SaeConfig config,
        IProgress<SaeTrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        config.Validate();
        if (recommender.UserCount != dataset.Users.Count || recommender.ItemCount != dataset.Items.Count)
            throw new ArgumentException("The recommender does not belong to this dataset.", nameof(recommender));
        TorchRuntime.UseThreads(config.Threads);
        var clock = Stopwatch.StartNew();
        var device = recommender.Device;
        // A generator of its own, not the global one another thread may be drawing from (same stream as manual_seed).
        using var generator = new torch.Generator((ulong)config.Seed, torch.CPU);
        var sae = new SparseAutoencoder(recommender.EmbeddingDim, config, generator);
        try
        {
            if (device.type != DeviceType.CPU) sae.to(device);
            using var data = SaeEmbeddings.Of(recommender);
            var (steps, every, curve) = Run(sae, recommender, data, split, config, clock, progress, cancellationToken);
            sae.eval();
            return new TrainedSae(sae, dataset.Name, dataset.Fingerprint, split.Seed, steps, every, curve, clock.Elapsed.TotalSeconds);
        }
        catch
        {
            sae.Dispose();
            throw;
        }
    }

    private static (int Steps, int Every, double[] Curve) Run(SparseAutoencoder sae, IRecommender recommender, SaeEmbeddings data,
        DatasetSplit split, SaeConfig config, Stopwatch clock, IProgress<SaeTrainingProgress>? progress, CancellationToken ct)
    {
        // From the first LibTorch call: the setup below (pre-bias, candidate lists) runs while a progress
        // renderer may be allocating on another thread, the same hazard as the steps (see GcPause).
        using var pause = new GcPause();
        var sampler = new SaeBatchSampler(split.TrainUsers, recommender.ItemCount, config.Schedule.UserBatch, config.Schedule.ItemBatch, config.Seed);
        int steps = config.Schedule.Steps > 0 ? config.Schedule.Steps : config.Schedule.Epochs * sampler.BatchesPerEpoch;
        int every = Math.Max(1, steps / CurveBlocks);
        using var trainingVectors = TrainingVectors(data, split);
        if (config.Architecture.PreBias && !config.Architecture.Standardize) InitPreBias(sae, trainingVectors);
        var candidates = config.Prediction.Pairs == PredictionPairs.TopCandidates ? Candidates(recommender, data, split, config, ct) : null;
        var tracker = new DeadLatentTracker(config.Architecture.Width, config.DeadLatents.DeadAfterSteps);
        var objective = new SaeObjective(sae, config, new PredictionTerm(recommender, sae, data, split.Train, config, candidates), tracker);
        using var optimizer = optim.Adam(sae.parameters(), config.Schedule.LearningRate);
        using var resampler = new LatentResampler(config, steps);
        sae.train();
        var curve = new List<double>();
        var sinceReport = SaeLossParts.Zero;
        int reportSteps = 0;
        double blockSum = 0;
        var lastReport = clock.Elapsed;
        for (int step = 1; step <= steps; step++)
        {
            ct.ThrowIfCancellationRequested();
            var parts = Step(sae, optimizer, objective, tracker, data, sampler, config);
            if (resampler.Due(step)) resampler.Apply(sae, trainingVectors, optimizer);
            pause.Tick();
            sinceReport = sinceReport.Plus(parts);
            reportSteps++;
            blockSum += parts.Total;
            if (step % every == 0) { curve.Add(blockSum / every); blockSum = 0; }
            else if (step == steps) curve.Add(blockSum / (step % every));
            if (progress is null || (step < steps && clock.Elapsed - lastReport < ReportEvery)) continue;
            progress.Report(new SaeTrainingProgress(step, steps, sinceReport.Over(reportSteps), clock.Elapsed, step == steps));
            (sinceReport, reportSteps, lastReport) = (SaeLossParts.Zero, 0, clock.Elapsed);
        }
        sae.CalibrateThresholds(trainingVectors);
        return (steps, every, curve.ToArray());
    }

    private static SaeLossParts Step(SparseAutoencoder sae, optim.Optimizer optimizer, SaeObjective objective, DeadLatentTracker tracker,
        SaeEmbeddings data, SaeBatchSampler sampler, SaeConfig config)
    {
        using var scope = NewDisposeScope();
        var device = data.Users.device;
        int[] userIds = sampler.NextUsers();
        var userIndex = TorchRuntime.Indices(userIds, device);
        var itemIndex = TorchRuntime.Indices(sampler.NextItems(), device);
        var users = data.Users.index_select(0, userIndex);
        var items = data.Items.index_select(0, itemIndex);
        var userCode = sae.Encode(users);
        var itemCode = sae.Encode(items);
        var batch = new StepBatch(userIds, userIndex, users, userCode, sae.Reconstruct(userCode), itemIndex, items, itemCode, sae.Reconstruct(itemCode));
        var (total, parts) = objective.Compute(batch, sampler.Random);
        optimizer.zero_grad();
        total.backward();
        optimizer.step();
        if (config.Architecture.UnitNormDecoder) sae.NormalizeDecoder();
        tracker.Observe(cat([userCode.Z, itemCode.Z], 0));
        return parts;
    }

    /// <summary>Starts the pre-bias at the mean training vector (as the encoder sees it), so the code models deviations from it.</summary>
    private static void InitPreBias(SparseAutoencoder sae, Tensor trainingVectors)
    {
        using var scope = NewDisposeScope();
        sae.SetPreBias(sae.InputSpace(trainingVectors).mean([0]));
    }

    /// <summary>What the SAE trains on: the training users' embeddings and every item's, stacked [n, d].</summary>
    private static Tensor TrainingVectors(SaeEmbeddings data, DatasetSplit split)
    {
        using var scope = NewDisposeScope();
        var users = data.Users.index_select(0, TorchRuntime.Indices(split.TrainUsers.ToArray(), data.Users.device));
        return cat([users, data.Items], 0).MoveToOuterDisposeScope();
    }

    /// <summary>Each training user's best unseen items under the original embeddings (fixed: the recommender is frozen).</summary>
    private static int[][] Candidates(IRecommender recommender, SaeEmbeddings data, DatasetSplit split, SaeConfig config, CancellationToken ct)
    {
        int[] users = split.TrainUsers.ToArray();
        using var scope = NewDisposeScope();
        var embeddings = data.Users.index_select(0, TorchRuntime.Indices(users, data.Users.device));
        var lists = TopLists.Of(recommender, embeddings, users, data.Items, split.Train, Math.Max(1, config.Prediction.TopCandidates), ct);
        var byUser = new int[recommender.UserCount][];
        for (int r = 0; r < users.Length; r++) byUser[users[r]] = lists[r].Length > 0 ? lists[r] : [0];
        return byUser;
    }
}
