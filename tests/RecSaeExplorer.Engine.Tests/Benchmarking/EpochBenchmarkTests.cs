using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Benchmarking;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Tests.Support;

namespace RecSaeExplorer.Engine.Tests.Benchmarking;

public class EpochBenchmarkTests
{
    [Fact]
    public void Median_and_spread_of_epoch_times()
    {
        var t = EpochTimings.Of(new RecommenderConfig(), [4, 1, 3, 2, 10], steps: 100, pairs: 1000);
        Assert.Equal(3, t.Median);
        Assert.Equal(1, t.Min);
        Assert.Equal(10, t.Max);
        Assert.Equal(4 - 2, t.InterquartileRange);
        Assert.Equal(100 / 3.0, t.StepsPerSecond, 12);
    }

    [Fact]
    public void Measures_the_requested_epochs_after_warmup()
    {
        var data = SyntheticData.Communities();
        var split = DatasetSplit.Create(data, 1);
        var config = new RecommenderConfig { Model = RecommenderModel.Ncf, EmbeddingDim = 4, BatchSize = 100, NegativesPerPositive = 2 };
        var t = EpochBenchmark.Measure(data, split, config, epochs: 3, warmup: 1);
        Assert.Equal(3, t.Seconds.Count);
        Assert.Equal(split.Train.Count * 3L, t.Pairs);
        Assert.Equal((int)Math.Ceiling(split.Train.Count * 3 / 100.0), t.Steps);
        Assert.True(t.Min > 0 && t.Min <= t.Median && t.Median <= t.Max);
    }
}
