using System.Diagnostics;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Optimization;
using RecSaeExplorer.Engine.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Recommenders.Training;

/// <summary>
/// Trains MF or NCF with binary cross-entropy on the split's training positives plus fresh uniform
/// negatives every epoch (negatives avoid training positives only; held-out items stay unseen).
/// </summary>
public static class RecommenderTrainer
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(500);

    public static TrainedRecommender Train(Dataset dataset, DatasetSplit split, RecommenderConfig config,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        config.Validate();
        if (split.Train.UserCount != dataset.Users.Count || split.Train.ItemCount != dataset.Items.Count)
            throw new ArgumentException("The split does not belong to this dataset.", nameof(split));
        TorchRuntime.UseThreads(config.Threads);
        var clock = Stopwatch.StartNew();
        var model = RecommenderFactory.Create(config, dataset.Users.Count, dataset.Items.Count, UsesSparseGradients(config));
        try
        {
            var (epochSeconds, epochLosses) = RunEpochs(model, split, config, clock, progress, cancellationToken);
            model.Freeze();
            return new TrainedRecommender(model, config, dataset.Name, dataset.Fingerprint, split.Seed,
                epochSeconds, epochLosses, clock.Elapsed.TotalSeconds);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static (double[] Seconds, double[] Losses) RunEpochs(RecommenderModule model, DatasetSplit split,
        RecommenderConfig config, Stopwatch clock, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        using var optimizer = CreateOptimizer(model, config);
        var seconds = new double[config.Epochs];
        var losses = new double[config.Epochs];
        // Sampling the next epoch's pairs overlaps with training the current one.
        using var pairs = new EpochPairPrefetcher(split.Train, config.NegativesPerPositive, config.Seed, config.Epochs);
        model.train();
        for (int epoch = 0; epoch < config.Epochs; epoch++)
        {
            double start = clock.Elapsed.TotalSeconds;
            var epochRun = new EpochRun(model, optimizer, config, epoch, clock, progress, ct);
            losses[epoch] = epochRun.Run(pairs.Take(epoch, ct));
            seconds[epoch] = clock.Elapsed.TotalSeconds - start;
        }
        return (seconds, losses);
    }

    /// <summary>
    /// Adam on the CPU is <see cref="FusedAdam"/>, which takes the tables' gradients sparse: backward then
    /// skips building a zero-filled [rows, d] gradient per table per step. Same update, same numbers.
    /// </summary>
    public static bool UsesSparseGradients(RecommenderConfig config) =>
        config.Optimizer == OptimizerKind.Adam && TorchRuntime.ParseDevice(config.Device).type == DeviceType.CPU;

    internal static IParameterOptimizer CreateOptimizer(RecommenderModule model, RecommenderConfig config)
    {
        double decay = config.L2Mode == L2Mode.WeightDecay ? config.L2 : 0;
        var parameters = model.parameters().ToList();
        return config.Optimizer switch
        {
            OptimizerKind.Sgd => Optimizers.Sgd(parameters, config.LearningRate, decay),
            OptimizerKind.Adam => Optimizers.Adam(parameters, new AdamSettings(config.LearningRate, WeightDecay: decay),
                TorchRuntime.ThreadCount(config.Threads)),
            _ => throw new ArgumentOutOfRangeException(nameof(config)),
        };
    }

    /// <summary>One pass over an epoch's pairs in mini-batches; returns the mean batch loss.</summary>
    private sealed class EpochRun(RecommenderModule model, IParameterOptimizer optimizer, RecommenderConfig config,
        int epoch, Stopwatch clock, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {

        public double Run(TrainingPairs pairs)
        {
            using var scope = NewDisposeScope();
            var device = model.Device;
            // Built once per epoch; batches are zero-copy narrow() views.
            var users = TorchRuntime.Indices(pairs.Users, device);
            var items = TorchRuntime.Indices(pairs.Items, device);
            var labels = torch.tensor(pairs.Labels, device: device);
            int steps = (pairs.Count + config.BatchSize - 1) / config.BatchSize;
            double lossSum = 0;
            var lastReport = clock.Elapsed;
            using var pause = new GcPause();
            for (int step = 0; step < steps; step++)
            {
                ct.ThrowIfCancellationRequested();
                int from = step * config.BatchSize;
                int length = Math.Min(config.BatchSize, pairs.Count - from);
                lossSum += Step(users, items, labels, from, length);
                pause.Tick();
                bool last = step == steps - 1;
                if (progress is not null && (last || clock.Elapsed - lastReport >= ReportEvery))
                {
                    lastReport = clock.Elapsed;
                    progress.Report(new TrainingProgress(epoch + 1, config.Epochs, step + 1, steps, lossSum / (step + 1), clock.Elapsed, last));
                }
            }
            return steps == 0 ? 0 : lossSum / steps;
        }

        private double Step(Tensor users, Tensor items, Tensor labels, int from, int length)
        {
            using var scope = NewDisposeScope();
            var (logits, squaredNorm) = model.TrainingForward(users.narrow(0, from, length), items.narrow(0, from, length));
            bool sum = config.Reduction == LossReduction.Sum;
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, labels.narrow(0, from, length),
                reduction: sum ? nn.Reduction.Sum : nn.Reduction.Mean);
            if (L2Penalty.Coefficient(config, length) is var c and > 0) loss = loss + squaredNorm * c;
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step();
            // Reported per pair either way, so losses compare across reductions.
            return loss.item<float>() / (sum ? length : 1);
        }
    }
}
