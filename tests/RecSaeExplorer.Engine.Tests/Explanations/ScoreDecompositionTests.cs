using RecSaeExplorer.Engine.Explanations;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Tests.Sae;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Explanations;

public sealed class ScoreDecompositionTests(ExplanationFixture fixture) : IClassFixture<ExplanationFixture>
{
    private static readonly (int User, int Item)[] Pairs = [(0, 0), (3, 25), (17, 41), (45, 7), (89, 59), (60, 33)];

    [Theory]
    [InlineData(0, ExplainedSide.Item)]
    [InlineData(0, ExplainedSide.User)]
    [InlineData(1, ExplainedSide.Item)]   // standardized inputs: a per-vector mean term
    [InlineData(1, ExplainedSide.User)]
    [InlineData(2, ExplainedSide.Item)]   // unit-norm inputs, TopK
    public void Mf_parts_sum_exactly_to_the_models_logit(int sae, ExplainedSide side)
    {
        var model = fixture.Mf.Model;
        foreach (var (user, item) in Pairs)
        {
            var why = ScoreDecomposition.Explain(model, fixture.MfSaes[sae].Sae, user, item, side);
            Assert.True(why.Exact);
            Assert.Equal(Logit(model, user, item), why.Score, 6);
            Assert.InRange(Math.Abs(why.Sum - why.Score), 0, 1e-4);
            Assert.NotEmpty(why.Neurons);
            Assert.Equal(sae == 1, why.Terms.Any(t => t.Kind == ScoreTermKind.VectorMean));
        }
    }

    [Fact]
    public void An_mf_neurons_contribution_is_what_removing_it_from_the_item_code_costs()
    {
        var model = fixture.Mf.Model;
        var sae = fixture.MfSaes[1].Sae; // standardized: the scale s must be undone
        var why = ScoreDecomposition.Explain(model, sae, 3, 25);
        using var scope = NewDisposeScope();
        var item = model.ItemEmbeddings(TorchRuntime.Indices([25], model.Device));
        foreach (var neuron in why.Neurons)
        {
            var without = CodeEdits.Edit(sae, item, new LatentEdit([neuron.Neuron], 0, EditMode.Set));
            float edited = model.PairLogitsFrom(new(model.UserEmbeddings(TorchRuntime.Indices([3], model.Device)), TorchRuntime.Indices([3], model.Device)),
                new(without, TorchRuntime.Indices([25], model.Device))).item<float>();
            Assert.Equal(why.Score - edited, neuron.Contribution, 4);
        }
    }

    [Theory]
    [InlineData(ExplainedSide.Item)]
    [InlineData(ExplainedSide.User)]
    public void Ncf_parts_with_the_remainder_sum_to_the_logit_and_the_remainder_is_small(ExplainedSide side)
    {
        var model = fixture.Ncf.Model;
        foreach (var (user, item) in Pairs)
        {
            var why = ScoreDecomposition.Explain(model, fixture.NcfSae.Sae, user, item, side);
            Assert.False(why.Exact);
            Assert.Equal(Logit(model, user, item), why.Score, 6);
            Assert.InRange(Math.Abs(why.Sum - why.Score), 0, 1e-4);
            double remainder = why.Terms.Single(t => t.Kind == ScoreTermKind.Remainder).Value;
            double moved = why.Score - why.Terms.Single(t => t.Kind == ScoreTermKind.EmptyCode).Value;
            // Integrated gradients is complete in the limit; 64 midpoints leave a small share of the path's change.
            Assert.InRange(Math.Abs(remainder), 0, 0.05 * Math.Abs(moved) + 1e-3);
        }
    }

    [Fact]
    public void Top_lists_split_signs_and_sort_by_size()
    {
        var why = ScoreDecomposition.Explain(fixture.Mf.Model, fixture.MfSaes[0].Sae, 17, 41);
        var up = why.TopPositive(3);
        var down = why.TopNegative(3);
        Assert.All(up, c => Assert.True(c.Contribution > 0));
        Assert.All(down, c => Assert.True(c.Contribution < 0));
        Assert.True(up.Zip(up.Skip(1)).All(t => t.First.Contribution >= t.Second.Contribution));
        Assert.True(down.Zip(down.Skip(1)).All(t => t.First.Contribution <= t.Second.Contribution));
    }

    private static float Logit(IRecommender model, int user, int item)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return model.PairLogits(TorchRuntime.Indices([user], model.Device), TorchRuntime.Indices([item], model.Device)).item<float>();
    }
}
