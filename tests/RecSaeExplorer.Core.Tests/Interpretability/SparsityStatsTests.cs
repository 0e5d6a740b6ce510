using RecSaeExplorer.Core.Interpretability;

namespace RecSaeExplorer.Core.Tests.Interpretability;

public class SparsityStatsTests
{
    private static readonly float[][] Codes = [[1, 0, 0, 2], [0, 0, 0, 3], [4, 0, 0, 0]];

    [Fact]
    public void L0_and_dead_latents_count_non_zeros()
    {
        Assert.Equal(4.0 / 3, SparsityStats.MeanL0(Codes), 12);
        Assert.Equal(2, SparsityStats.DeadCount(Codes));
        Assert.Equal(0.5, SparsityStats.DeadShare(Codes), 12);
    }

    [Fact]
    public void Rare_latents_fire_but_on_fewer_than_the_share_of_rows()
    {
        // 10 rows: latent 0 fires on 1 (rare under 20%), latent 1 on 2 (not rare: 2 is not below 2), latent 2 never (dead, not rare).
        var codes = Enumerable.Range(0, 10).Select(r => new float[] { r == 0 ? 1 : 0, r < 2 ? 1 : 0, 0, 1 }).ToArray();
        Assert.Equal(1, SparsityStats.RareCount(codes, 0.2));
        Assert.Equal(2, SparsityStats.RareCount(codes, 0.21));
        Assert.Equal(0, SparsityStats.RareCount([], 0.2));
    }

    [Fact]
    public void Explained_variance_is_one_for_perfect_and_zero_for_mean_reconstruction()
    {
        float[][] x = [[1, 2], [3, 4], [5, 9]];
        Assert.Equal(1.0, SparsityStats.ExplainedVariance(x, x), 12);
        float[][] mean = [[3, 5], [3, 5], [3, 5]];
        Assert.Equal(0.0, SparsityStats.ExplainedVariance(x, mean), 12);
    }

    [Fact]
    public void Distribution_reports_mean_sd_and_quartiles()
    {
        var d = Distribution.Of([1, 2, 3, 4]);
        Assert.Equal(2.5, d.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), d.StdDev, 12);
        Assert.Equal(2.5, d.Median, 12);
        Assert.Equal(1.75, d.Q1, 12);
        Assert.Equal(0, Distribution.Of([]).Count);
    }
}
