using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Core.Tests.Datasets;

public sealed class NegativeSamplerTests
{
    private static readonly Lazy<Dataset> Small = new(() => new MovieLensLatestSmallLoader().Load(TestPaths.MovieLensSmall));

    [Fact]
    public void Sample_never_returns_a_positive()
    {
        var known = Small.Value.Interactions;
        var sampler = new NegativeSampler(known);
        var random = new Random(11);
        for (int u = 0; u < known.UserCount; u += 7)
        {
            for (int k = 0; k < 200; k++) Assert.False(known.Contains(u, sampler.Sample(u, random)));
        }
    }

    [Fact]
    public void Sample_finds_the_only_negative_of_a_nearly_full_user()
    {
        var data = TinyDataset.Create(5, [0, 1, 2, 4]);
        var sampler = new NegativeSampler(data.Interactions);
        var random = new Random(2);
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(3, sampler.Sample(0, random)));
    }

    [Fact]
    public void Sample_refuses_a_user_who_has_every_item()
    {
        var data = TinyDataset.Create(3, [0, 1, 2]);
        Assert.Throws<InvalidOperationException>(() => new NegativeSampler(data.Interactions).Sample(0, new Random(1)));
    }

    [Fact]
    public void EpochPairs_is_deterministic_per_seed_and_epoch()
    {
        var train = DatasetSplit.Create(Small.Value, seed: 1).Train;
        var sampler = new NegativeSampler(Small.Value.Interactions);
        var a = sampler.EpochPairs(train, 1, seed: 4, epoch: 2);
        var b = sampler.EpochPairs(train, 1, seed: 4, epoch: 2);
        var nextEpoch = sampler.EpochPairs(train, 1, seed: 4, epoch: 3);
        Assert.Equal(a.Users, b.Users);
        Assert.Equal(a.Items, b.Items);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Items, nextEpoch.Items);
    }

    [Fact]
    public void EpochPairs_has_every_positive_once_and_k_true_negatives_per_positive()
    {
        var known = Small.Value.Interactions;
        var train = DatasetSplit.Create(Small.Value, seed: 1).Train;
        var pairs = new NegativeSampler(known).EpochPairs(train, negativesPerPositive: 2, seed: 9, epoch: 0);
        Assert.Equal(train.Count * 3, pairs.Count);
        Assert.Equal(train.Count, pairs.Labels.Count(l => l == 1f));
        Assert.Equal(train.Count * 2, pairs.Labels.Count(l => l == 0f));
        var positives = Enumerable.Range(0, pairs.Count).Where(k => pairs.Labels[k] == 1f).Select(k => (pairs.Users[k], pairs.Items[k])).ToList();
        Assert.Equal(train.Count, positives.Distinct().Count());
        Assert.All(positives, p => Assert.True(train.Contains(p.Item1, p.Item2)));
        for (int k = 0; k < pairs.Count; k++)
        {
            if (pairs.Labels[k] == 0f) Assert.False(known.Contains(pairs.Users[k], pairs.Items[k]));
        }
    }
}
