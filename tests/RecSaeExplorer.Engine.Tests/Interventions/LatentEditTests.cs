using RecSaeExplorer.Engine.Interventions;
using static TorchSharp.torch;
using RecSaeExplorer.Engine.Recommenders.Ranking;

namespace RecSaeExplorer.Engine.Tests.Interventions;

public class LatentEditTests
{
    [Fact]
    public void Set_add_and_cap_edit_only_the_named_neurons()
    {
        using var z = tensor(new float[] { 1, 2, 3, 4, 5, 6 }).view(2, 3);
        using var set = new LatentEdit([1], 9).Apply(z);
        using var add = new LatentEdit([0, 2], 1, EditMode.Add).Apply(z);
        using var cap = LatentEdit.Suppress([2]).Apply(z);
        Assert.Equal([1f, 9, 3, 4, 9, 6], set.data<float>().ToArray());
        Assert.Equal([2f, 2, 4, 5, 5, 7], add.data<float>().ToArray());
        Assert.Equal([1f, 2, 0, 4, 5, 0], cap.data<float>().ToArray());
        Assert.Equal([1f, 2, 3, 4, 5, 6], z.data<float>().ToArray());
    }

    [Fact]
    public void Top_list_insertion_places_by_score_and_cuts()
    {
        var list = new TopList([10, 11, 12], [3f, 2f, 1f]);
        Assert.Equal([10, 7, 11], list.WithScore(7, 2.5f, 3).Items);
        Assert.Equal([10, 11, 12], list.WithScore(7, 0.5f, 3).Items);
        Assert.Equal([11, 10, 12], list.WithScore(10, 1.5f, 3).Items);
        Assert.Equal([11, 12, 10], list.WithScore(10, 0.5f, 3).Items);
        Assert.Equal(1f, list.Cutoff(3));
        Assert.Equal(float.NegativeInfinity, list.Cutoff(4));
        Assert.Equal(2, list.RankOf(11));
        Assert.Null(list.RankOf(99));
    }
}
