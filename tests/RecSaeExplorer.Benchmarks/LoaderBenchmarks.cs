using BenchmarkDotNet.Attributes;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Benchmarks;

/// <summary>
/// Cold-ish loads of each dataset from its files (the OS file cache is warm after the first run).
/// ML-1M is read from ../shared/data/ml-1m beside the checkout, which is never committed; without it
/// that benchmark throws on setup and the others still run.
/// </summary>
[MemoryDiagnoser]
public class LoaderBenchmarks
{
    private string _ml1m = "";

    [GlobalSetup]
    public void Setup() => _ml1m = TestPaths.SharedMl1m ?? "";

    [Benchmark]
    public Dataset LoadMovieLens1M() => _ml1m.Length > 0
        ? new MovieLens1MLoader().Load(_ml1m)
        : throw new InvalidOperationException("../shared/data/ml-1m is not beside this checkout.");

    [Benchmark]
    public Dataset LoadMovieLensLatestSmall() => new MovieLensLatestSmallLoader().Load(TestPaths.MovieLensSmall);

    [Benchmark]
    public Dataset LoadLastFm() => new LastFmLoader().Load(TestPaths.LastFm);
}
