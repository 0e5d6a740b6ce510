using RecSaeExplorer.Core.Concepts;

namespace RecSaeExplorer.Core.Tests.Concepts;

public class StatisticsTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(5, 3.1780538303479458)] // ln 24
    [InlineData(0.5, 0.57236494292470008)] // ln √π
    [InlineData(101, 363.73937555556347)] // ln 100!
    public void LogGamma_matches_known_values(double x, double expected) =>
        Assert.Equal(expected, Hypergeometric.LogGamma(x), 9);

    [Fact]
    public void Upper_tail_matches_the_exact_sum()
    {
        // [C(5,4)·C(45,6) + C(5,5)·C(45,5)] / C(50,10)
        Assert.Equal(0.004083520549755517, Hypergeometric.UpperTail(50, 5, 10, 4), 12);
        Assert.Equal(2.3782749640379137e-05, Hypergeometric.UpperTail(100, 10, 20, 8), 15);
    }

    [Fact]
    public void Upper_tail_edges()
    {
        Assert.Equal(1, Hypergeometric.UpperTail(100, 10, 20, 0), 12);
        Assert.Equal(0, Hypergeometric.UpperTail(100, 10, 20, 11));
        // 200 of 200 from a 10% facet of 3,700: far below double's range, still finite in log space.
        double log = Hypergeometric.LogUpperTail(3700, 370, 200, 200);
        Assert.True(log < -400 && double.IsFinite(log));
    }

    [Fact]
    public void Benjamini_Hochberg_on_a_known_vector()
    {
        Assert.Equal([0.02, 0.04, 0.04, 0.02], BenjaminiHochberg.Adjust([0.01, 0.04, 0.03, 0.005]), new Tol(1e-12));
        // Step-up monotonicity: 0.01·4/1 = 0.04 is lowered to min over later ranks.
        Assert.Equal([0.04, 0.04, 0.04, 0.5], BenjaminiHochberg.Adjust([0.01, 0.02, 0.03, 0.5]), new Tol(1e-12));
        Assert.Equal([1.0], BenjaminiHochberg.Adjust([1.0]), new Tol(0));
    }

    [Fact]
    public void Spearman_uses_average_ranks()
    {
        Assert.Equal(1, RankCorrelation.Spearman([1, 2, 3, 4], [10, 20, 30, 400]), 12);
        Assert.Equal(-1, RankCorrelation.Spearman([1, 2, 3], [3, 2, 1]), 12);
        Assert.Equal([1.5, 1.5, 3], RankCorrelation.AverageRanks([5, 5, 7]));
        Assert.Equal(0, RankCorrelation.Spearman([1, 1, 1], [1, 2, 3]));
    }

    [Fact]
    public void Effect_sizes_match_hand_computation()
    {
        // means 2 and 1, pooled sd = √((2 + 2) / 4) = 1
        Assert.Equal(1, DemographicEffects.CohensD([1, 2, 3], [0, 1, 2])!.Value, 12);
        // groups {0,0} and {2,2}: all variance is between groups
        Assert.Equal(1, DemographicEffects.EtaSquared([[0, 0], [2, 2]])!.Value, 12);
        Assert.Null(DemographicEffects.CohensD([1], [0, 1]));
    }

    private sealed class Tol(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
