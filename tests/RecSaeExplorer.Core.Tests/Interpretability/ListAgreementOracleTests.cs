using RecSaeExplorer.Core.Interpretability;

namespace RecSaeExplorer.Core.Tests.Interpretability;

/// <summary>The oracle table of METHOD.md §4 (A = 30 distinct ids).</summary>
public class ListAgreementOracleTests
{
    private static readonly int[] A = Enumerable.Range(0, 30).ToArray();

    public static TheoryData<string, double, double> Cases => new()
    {
        { "identical", 0.957609, 1.000000 },
        { "reversed", 0.086337, -1.000000 },
        { "shifted", 0.291150, 0.470085 },
        { "disjoint", 0.000000, -0.674157 },
        { "swap-first-two", 0.857609, 0.995402 },
        { "last-10-replaced", 0.943491, 0.666667 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rbo_and_kendall_match_the_oracle(string name, double rbo, double kendall)
    {
        int[] b = Other(name);
        Assert.Equal(rbo, RankBiasedOverlap.Truncated(A, b), 6);
        Assert.Equal(kendall, KendallTau.TauB(A, b), 6);
        var agreement = ListAgreement.Of(A, b);
        Assert.Equal(rbo, agreement.Rbo, 6);
        Assert.Equal(kendall, agreement.Kendall, 6);
    }

    [Fact]
    public void Extrapolated_rbo_is_one_for_identical_lists_and_zero_for_disjoint_ones()
    {
        Assert.Equal(1.0, RankBiasedOverlap.Extrapolated(A, A), 12);
        Assert.Equal(1.0, RankBiasedOverlap.Extrapolated(A[..7], A[..7]), 12);
        Assert.Equal(0.0, RankBiasedOverlap.Extrapolated(A, Other("disjoint")), 12);
    }

    [Fact]
    public void Extrapolated_rbo_lies_above_the_truncated_value_and_ranks_cases_alike()
    {
        double swap = RankBiasedOverlap.Extrapolated(A, Other("swap-first-two"));
        double shifted = RankBiasedOverlap.Extrapolated(A, Other("shifted"));
        Assert.True(swap > RankBiasedOverlap.Truncated(A, Other("swap-first-two")));
        Assert.True(swap < 1 && shifted < swap && shifted > 0);
    }

    [Fact]
    public void Extrapolated_rbo_handles_lists_of_different_lengths()
    {
        // A prefix of the other list: full agreement as far as the short list goes.
        double value = RankBiasedOverlap.Extrapolated(A[..10], A);
        Assert.InRange(value, 0.9, 1.0);
        Assert.Equal(value, RankBiasedOverlap.Extrapolated(A, A[..10]), 12);
    }

    [Fact]
    public void Kendall_rejects_repeated_items()
    {
        Assert.Throws<ArgumentException>(() => KendallTau.TauB([1, 1, 2], [1, 2, 3]));
    }

    private static int[] Other(string name) => name switch
    {
        "identical" => A.ToArray(),
        "reversed" => A.Reverse().ToArray(),
        "shifted" => [.. A[5..], .. Enumerable.Range(100, 5)],
        "disjoint" => Enumerable.Range(100, 30).ToArray(),
        "swap-first-two" => [A[1], A[0], .. A[2..]],
        "last-10-replaced" => [.. A[..20], .. Enumerable.Range(100, 10)],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
