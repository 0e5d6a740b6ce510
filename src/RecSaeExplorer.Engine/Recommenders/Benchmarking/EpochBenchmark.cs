using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders.Training;

namespace RecSaeExplorer.Engine.Recommenders.Benchmarking;

/// <summary>
/// Times training epochs of a config: trains <c>warmup + epochs</c> epochs and summarizes the last
/// <c>epochs</c> (the first one pays for lazy initialization). Each epoch includes waiting for its
/// negatives, building its index tensors, every step and the optimizer updates.
/// </summary>
public static class EpochBenchmark
{
    public static EpochTimings Measure(Dataset dataset, DatasetSplit split, RecommenderConfig config,
        int epochs = 5, int warmup = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        using var trained = RecommenderTrainer.Train(dataset, split, config with { Epochs = warmup + epochs }, null, cancellationToken);
        double[] seconds = trained.EpochSeconds.Skip(warmup).ToArray();
        long pairs = (long)split.Train.Count * (1 + config.NegativesPerPositive);
        int steps = (int)((pairs + config.BatchSize - 1) / config.BatchSize);
        return EpochTimings.Of(config, seconds, steps, pairs);
    }
}

/// <summary>Per-epoch wall times of a benchmark with median and spread.</summary>
public sealed record EpochTimings(
    string Model, int BatchSize, int EmbeddingDim, int Steps, long Pairs,
    IReadOnlyList<double> Seconds, double Median, double Min, double Max, double InterquartileRange)
{
    public double StepsPerSecond => Steps / Median;
    public double PairsPerSecond => Pairs / Median;

    public static EpochTimings Of(RecommenderConfig config, double[] seconds, int steps, long pairs)
    {
        var sorted = seconds.Order().ToArray();
        return new EpochTimings(config.Model.Name(), config.BatchSize, config.EmbeddingDim, steps, pairs, seconds,
            Quantile(sorted, 0.5), sorted[0], sorted[^1], Quantile(sorted, 0.75) - Quantile(sorted, 0.25));
    }

    /// <summary>Linear interpolation between order statistics.</summary>
    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
