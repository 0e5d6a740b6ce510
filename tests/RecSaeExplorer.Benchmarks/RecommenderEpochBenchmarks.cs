using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;

namespace RecSaeExplorer.Benchmarks;

/// <summary>
/// One training epoch of MF and NCF on ML-1M (../shared/data/ml-1m) per invocation, for both presets:
/// negative sampling, index tensors, every step and optimizer update (plus a negligible model init).
/// In-process, so the TorchSharp native libraries of this build (GLIBCXX-patched) are the ones used.
/// Epochs take seconds, so each iteration is one invocation (monitoring strategy).
/// </summary>
[Config(typeof(InProcessMonitoring))]
public class RecommenderEpochBenchmarks
{
    /// <summary>One in-process job: 1 warm-up and 3 measured epochs per benchmark.</summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithToolchain(InProcessEmitToolchain.Instance));
    }

    private Dataset? _dataset;
    private DatasetSplit? _split;

    [Params(RecommenderPresets.Paper, RecommenderPresets.Tuned)]
    public string Preset { get; set; } = RecommenderPresets.Paper;

    [GlobalSetup]
    public void Setup()
    {
        string folder = TestPaths.SharedMl1m ?? throw new InvalidOperationException("../shared/data/ml-1m is not beside this checkout.");
        _dataset = new MovieLens1MLoader().Load(folder);
        _split = DatasetSplit.Create(_dataset, seed: 1);
    }

    [Benchmark]
    public double MfEpoch() => OneEpoch(RecommenderModel.Mf);

    [Benchmark]
    public double NcfEpoch() => OneEpoch(RecommenderModel.Ncf);

    private double OneEpoch(RecommenderModel model)
    {
        var config = RecommenderPresets.Get(Preset, model, _dataset!.Name) with { Epochs = 1 };
        using var trained = RecommenderTrainer.Train(_dataset, _split!, config);
        return trained.EpochLosses[0];
    }
}
