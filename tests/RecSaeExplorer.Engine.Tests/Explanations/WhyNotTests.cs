using RecSaeExplorer.Engine.Explanations;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Recommenders.Ranking;
using RecSaeExplorer.Engine.Tests.Sae;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Explanations;

public sealed class WhyNotTests(ExplanationFixture fixture) : IClassFixture<ExplanationFixture>
{
    private const int Depth = 10;
    private static readonly IReadOnlyList<double> Levels = Enumerable.Range(0, 81).Select(i => i * 0.25).ToArray();

    [Fact]
    public void The_minimal_level_lists_the_item_and_one_grid_step_below_does_not()
    {
        var model = fixture.Mf.Model;
        var sae = fixture.MfSaes[0].Sae;
        var train = SaeFixture.Split.Train;
        int user = 3;
        var top = Scoring.TopLists(model, [user], train, Depth)[0];
        int checkedItems = 0;
        foreach (int item in Enumerable.Range(0, SaeFixture.Data.Items.Count).Where(i => !train.Contains(user, i) && top.RankOf(i) is null))
        {
            var answer = WhyNot.Explain(model, sae, train, user, item, _ => Levels, Depth);
            Assert.False(answer.Listed);
            Assert.True(answer.Rank > Depth);
            Assert.True(answer.Gap >= 0);
            Assert.Equal(top.Scores[^1], answer.Cutoff, 5);
            if (answer.Best is not { } best || best.Level == 0) continue;
            int at = Array.IndexOf(Levels.ToArray(), best.Level);
            Assert.NotNull(FullRank(user, item, best.Neuron, best.Level));
            Assert.Null(FullRank(user, item, best.Neuron, Levels[at - 1]));
            Assert.Equal(best.Rank, FullRank(user, item, best.Neuron, best.Level));
            // No other neuron lists the item at a lower grid level.
            Assert.All(Enumerable.Range(0, sae.Width), k => Assert.Null(FullRank(user, item, k, Levels[at - 1])));
            if (++checkedItems == 3) break;
        }
        Assert.True(checkedItems > 0, "no unlisted item could be promoted on the grid");
    }

    [Fact]
    public void Training_positives_and_listed_items_need_no_search()
    {
        var train = SaeFixture.Split.Train;
        int consumed = train.ItemsOf(5)[0];
        var answer = WhyNot.Explain(fixture.Mf.Model, fixture.MfSaes[0].Sae, train, 5, consumed, _ => Levels, Depth);
        Assert.True(answer.Consumed);
        Assert.Null(answer.Best);
        int listed = Scoring.TopLists(fixture.Mf.Model, [5], train, Depth)[0].Items[0];
        var first = WhyNot.Explain(fixture.Mf.Model, fixture.MfSaes[0].Sae, train, 5, listed, _ => Levels, Depth);
        Assert.Equal(1, first.Rank);
        Assert.True(first.Listed);
    }

    /// <summary>The item's rank after the edit by a full re-rank of every item (independent of the cached lists).</summary>
    private int? FullRank(int user, int item, int neuron, double level)
    {
        var model = fixture.Mf.Model;
        using var scope = NewDisposeScope();
        var items = model.ItemEmbeddings().clone();
        items[item] = CodeEdits.Edit(fixture.MfSaes[0].Sae, items.narrow(0, item, 1), new LatentEdit([neuron], level, EditMode.Set)).squeeze(0);
        var all = TorchRuntime.Range(0, model.ItemCount, model.Device);
        var list = Scoring.TopLists(model, model.UserEmbeddings(TorchRuntime.Indices([user], model.Device)), [user], new(items, all), SaeFixture.Split.Train, Depth)[0];
        return list.RankOf(item);
    }
}
