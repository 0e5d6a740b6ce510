using RecSaeExplorer.Core.Concepts;

namespace RecSaeExplorer.Core.Tests.Concepts;

public sealed class PrefixBreadthTests
{
    private static NeuronProfile Profile(int k, double frequency, double popularityRank, params (string Facet, double Share)[] mix) => new(
        k, mix.Length == 0 ? ConceptLabel.Dead : new ConceptLabel(ConceptKind.Facet, mix[0].Facet, null, mix[0].Share, 0.1, 5, 1e-6, 1e-5, 0.8),
        frequency, null, 1, [], mix.Select(m => new Share(m.Facet, m.Share)).ToList(), [], [], popularityRank, 0, null, null,
        mix.Length == 0 ? [] : [0, 1]);

    [Fact]
    public void Groups_summarize_live_latents_between_prefix_ends()
    {
        var profiles = new[]
        {
            Profile(0, 0.5, 100, ("Drama", 0.6), ("Comedy", 0.3), ("War", 0.05)),
            Profile(1, 0.3, 300, ("Comedy", 0.7), ("Drama", 0.2)),
            Profile(2, 0.1, 2000, ("Horror", 0.9)),
            Profile(3, 0, double.NaN), // dead: left out of every mean
        };

        var groups = PrefixBreadth.Of(profiles, [2, 4]);

        Assert.Equal(2, groups.Count);
        var early = groups[0];
        Assert.Equal((0, 2, 2, 2), (early.From, early.To, early.Alive, early.Labelled));
        Assert.Equal(0.4, early.MeanItemFrequency, 12);
        Assert.Equal(200, early.MeanPopularityRank, 12);
        Assert.Equal(2, early.DistinctDominantFacets);
        Assert.Equal(2, early.MeanFacetsPerLatent, 12); // War at 5% is below the 10% presence bar
        var late = groups[1];
        Assert.Equal((2, 4, 1), (late.From, late.To, late.Alive));
        Assert.Equal(2000, late.MeanPopularityRank, 12);
        Assert.Equal(1, late.MeanFacetsPerLatent, 12);
        Assert.Equal("2–3", late.Range);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 3, 2 })]
    [InlineData(new[] { 2, 5 })]
    public void Bad_prefix_ends_are_rejected(int[] ends)
    {
        var profiles = Enumerable.Range(0, 4).Select(k => Profile(k, 0.1, 10, ("Drama", 1))).ToArray();
        Assert.Throws<ArgumentException>(() => PrefixBreadth.Of(profiles, ends));
    }
}
