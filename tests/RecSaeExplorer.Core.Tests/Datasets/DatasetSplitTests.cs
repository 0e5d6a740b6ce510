using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Core.Tests.Datasets;

public sealed class DatasetSplitTests
{
    private static readonly Lazy<Dataset> Small = new(() => new MovieLensLatestSmallLoader().Load(TestPaths.MovieLensSmall));

    [Fact]
    public void Same_seed_gives_the_identical_split()
    {
        var a = DatasetSplit.Create(Small.Value, seed: 7);
        var b = DatasetSplit.Create(Small.Value, seed: 7);
        Assert.True(a.Train.RowStart.SequenceEqual(b.Train.RowStart));
        Assert.True(a.Train.ItemIndices.SequenceEqual(b.Train.ItemIndices));
        Assert.Equal(a.TestUsers, b.TestUsers);
        for (int u = 0; u < Small.Value.Users.Count; u++) Assert.True(a.HeldOutOf(u).SequenceEqual(b.HeldOutOf(u)));
    }

    [Fact]
    public void Different_seeds_give_different_splits()
    {
        var a = DatasetSplit.Create(Small.Value, seed: 7);
        var b = DatasetSplit.Create(Small.Value, seed: 8);
        Assert.NotEqual(a.TestUsers, b.TestUsers);
        Assert.False(a.Train.ItemIndices.SequenceEqual(b.Train.ItemIndices));
    }

    [Fact]
    public void Five_held_out_per_user_disjoint_from_train_and_together_all()
    {
        var data = Small.Value;
        var split = DatasetSplit.Create(data, seed: 1);
        Assert.Equal(data.Interactions.Count - 5 * data.Users.Count, split.Train.Count);
        for (int u = 0; u < data.Users.Count; u++)
        {
            var heldOut = split.HeldOutOf(u).ToArray();
            var train = split.Train.ItemsOf(u).ToArray();
            Assert.Equal(5, heldOut.Length);
            Assert.Empty(heldOut.Intersect(train));
            Assert.Equal(data.Interactions.ItemsOf(u).ToArray(), heldOut.Concat(train).Order());
        }
    }

    [Fact]
    public void About_a_fifth_of_users_are_test_users()
    {
        var split = DatasetSplit.Create(Small.Value, seed: 3);
        int users = Small.Value.Users.Count;
        Assert.Equal((int)Math.Round(0.2 * users), split.TestUsers.Count);
        Assert.Equal(Enumerable.Range(0, users), split.TestUsers.Concat(split.TrainUsers).Order());
        Assert.All(split.TestUsers, u => Assert.True(split.IsTestUser(u)));
        Assert.All(split.TrainUsers, u => Assert.False(split.IsTestUser(u)));
    }

    [Fact]
    public void A_user_with_few_interactions_keeps_one_for_training()
    {
        var data = TinyDataset.Create(10, [0, 1, 2], [4], [0, 1, 2, 3, 4, 5, 6, 7]);
        var split = DatasetSplit.Create(data, seed: 5);
        Assert.Equal([2, 0, 5], Enumerable.Range(0, 3).Select(u => split.HeldOutOf(u).Length));
        Assert.Equal([1, 1, 3], Enumerable.Range(0, 3).Select(u => split.Train.CountOf(u)));
    }
}
