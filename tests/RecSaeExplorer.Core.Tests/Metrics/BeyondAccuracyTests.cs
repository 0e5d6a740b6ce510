using RecSaeExplorer.Core.Metrics;

namespace RecSaeExplorer.Core.Tests.Metrics;

public class BeyondAccuracyTests
{
    [Fact]
    public void Coverage_and_mean_popularity_over_top_k_slots()
    {
        int[] popularity = [10, 20, 30, 40, 50];
        var b = new BeyondAccuracy(popularity, 2);
        b.Add([0, 1, 4]); // 4 is beyond K=2
        b.Add([1, 2]);
        Assert.Equal(3.0 / 5, b.CatalogCoverage, 12);          // items 0, 1, 2
        Assert.Equal((10 + 20 + 20 + 30) / 4.0, b.MeanPopularity, 12);
    }

    [Fact]
    public void Nothing_added_is_zero()
    {
        var b = new BeyondAccuracy([1, 2], 10);
        Assert.Equal(0, b.CatalogCoverage);
        Assert.Equal(0, b.MeanPopularity);
    }
}
