using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;
using RecSaeExplorer.Engine.Recommenders.Ranking;
using RecSaeExplorer.Engine.Sae.Encoding;

namespace RecSaeExplorer.Engine.Tests.Interventions;

public sealed class InterventionTests(InterventionFixture fixture) : IClassFixture<InterventionFixture>
{
    private InterventionContext AllUsers() => new(fixture.Recommender.Model, fixture.Trained.Sae, fixture.Split.Train,
        Enumerable.Range(0, fixture.Data.Users.Count).ToArray(), depth: 10);

    [Fact]
    public void Level_zero_in_add_mode_changes_nothing()
    {
        using var context = AllUsers();
        for (int item = 0; item < fixture.Data.Items.Count; item += 7)
        {
            var step = Promotion.Step(context, item, new LatentEdit([0], 0, EditMode.Add));
            Assert.Equal(0, step.Reached);
            Assert.Empty(step.Collateral);
            Assert.All(step.Users, u => Assert.Equal(u.BaselineRank, u.NewRank));
        }
    }

    [Fact]
    public void A_huge_level_reaches_users_and_tops_their_lists()
    {
        using var context = AllUsers();
        // Some neuron's direction raises the item for some users; no neuron is picked by hand.
        var steps = Enumerable.Range(0, fixture.Trained.Sae.Width)
            .Select(k => Promotion.Step(context, 5, new LatentEdit([k], 1000, EditMode.Set))).ToList();
        var best = steps.MaxBy(s => s.Reached)!;
        Assert.True(best.Reached > 0);
        Assert.All(best.Users.Where(u => u.Reached), u => Assert.Equal(1, u.NewRank));
        Assert.Equal(best.Users.Count(u => u.PushedOut is not null), best.Collateral.Sum(c => c.Users));
        Assert.InRange(best.ReachShare, 1e-9, 1);
    }

    [Theory]
    [InlineData(25, 3.0)]   // the item rises
    [InlineData(25, -3.0)]  // or falls out of lists: the cached spare item moves up
    [InlineData(3, 50.0)]
    public void Insertion_matches_a_full_re_rank(int item, double level)
    {
        using var context = AllUsers();
        var edit = new LatentEdit([1, 2], level, EditMode.Add);
        using var scope = NewDisposeScope();
        var edited = context.EditItem(item, edit);
        float[] scores = context.ScoreItem(item, edited);
        var table = context.ItemEmbeddings.clone();
        table[item] = edited.squeeze(0);
        var full = context.Recommender.BlockLogitsFrom(
            new(context.Recommender.UserEmbeddings(), TorchRuntime.Range(0, fixture.Data.Users.Count, context.Recommender.Device)),
            new(table, TorchRuntime.Range(0, fixture.Data.Items.Count, context.Recommender.Device)));
        for (int p = 0; p < context.Users.Length; p++)
        {
            var row = full[p].data<float>().ToArray();
            var expected = Enumerable.Range(0, row.Length).Where(i => !fixture.Split.Train.Contains(p, i))
                .OrderByDescending(i => row[i]).Take(10).ToArray();
            Assert.Equal(expected, Promotion.NewList(context, p, item, scores[p]).Items);
        }
    }

    [Fact]
    public void Dose_response_is_reported_per_level_with_a_minimum()
    {
        using var context = AllUsers();
        var best = Enumerable.Range(0, fixture.Trained.Sae.Width)
            .MaxBy(k => Promotion.Step(context, 5, new LatentEdit([k], 1000, EditMode.Set)).Reached);
        var dose = Promotion.Sweep(context, 5, new LatentEdit([best], 0, EditMode.Set), [0, 10, 1000], targetShare: 0.01);
        Assert.Equal([0.0, 10, 1000], dose.Steps.Select(s => s.Level));
        Assert.NotNull(dose.MinimumLevel);
        Assert.True(dose.Steps[^1].Reached >= dose.Steps[0].Reached);
    }

    [Fact]
    public void Suppression_lowers_the_concept_share()
    {
        var neurons = CommunityZeroNeurons();
        Assert.NotEmpty(neurons);
        var audience = Enumerable.Range(0, 30).ToArray(); // community 0's users
        using var context = new InterventionContext(fixture.Recommender.Model, fixture.Trained.Sae, fixture.Split.Train, audience, depth: 10);
        var shift = UserIntervention.Suppress(context, neurons, InterventionFixture.InFirstCommunity);
        Assert.True(shift.ShareBefore > 0.5, $"before {shift.ShareBefore}");
        Assert.True(shift.ShareAfter < shift.ShareBefore, $"{shift.ShareBefore} → {shift.ShareAfter}");
        Assert.NotEmpty(shift.Removed);
        Assert.Equal(30, shift.Users.Count);
    }

    [Fact]
    public void A_shift_among_some_users_equals_the_shift_measured_on_those_users_alone()
    {
        var neurons = CommunityZeroNeurons();
        var audience = Enumerable.Range(0, 40).ToArray(); // community 0 and part of community 1
        bool[] keep = [.. audience.Select(u => u % 3 != 0)];
        using var all = new InterventionContext(fixture.Recommender.Model, fixture.Trained.Sae, fixture.Split.Train, audience, depth: 10);
        using var some = new InterventionContext(fixture.Recommender.Model, fixture.Trained.Sae, fixture.Split.Train,
            [.. audience.Where((_, p) => keep[p])], depth: 10);
        var edit = LatentEdit.Suppress(neurons, -0.5);

        var among = UserIntervention.Apply(all, edit, InterventionFixture.InFirstCommunity).Among(keep);
        var alone = UserIntervention.Apply(some, edit, InterventionFixture.InFirstCommunity);

        Assert.Equal(alone.ShareBefore, among.ShareBefore, 12);
        Assert.Equal(alone.ShareAfter, among.ShareAfter, 12);
        Assert.NotEqual(among.ShareBefore, among.ShareAfter);
        Assert.Equal(alone.Users.Select(u => u.User), among.Users.Select(u => u.User));
        Assert.Equal(alone.Removed, among.Removed);
        Assert.Equal(alone.Added, among.Added);
        Assert.Throws<ArgumentException>(() => among.Among(keep));
    }

    [Fact]
    public void Suppression_can_edit_the_items_instead_of_the_users()
    {
        var neurons = CommunityZeroNeurons();
        var audience = Enumerable.Range(0, 30).ToArray();
        using var context = new InterventionContext(fixture.Recommender.Model, fixture.Trained.Sae, fixture.Split.Train, audience, depth: 10);
        var onUsers = UserIntervention.Suppress(context, neurons, InterventionFixture.InFirstCommunity);
        var onItems = UserIntervention.Suppress(context, neurons, InterventionFixture.InFirstCommunity, target: EditTarget.Items);
        var onBoth = UserIntervention.Suppress(context, neurons, InterventionFixture.InFirstCommunity, target: EditTarget.Both);
        Assert.True(onItems.ShareAfter < onItems.ShareBefore, $"{onItems.ShareBefore} → {onItems.ShareAfter}");
        Assert.NotEqual(onUsers.Users.Select(u => u.After), onItems.Users.Select(u => u.After));
        // A cap above every activation is no edit, whoever it is applied to (the residual is kept).
        var none = UserIntervention.Suppress(context, neurons, InterventionFixture.InFirstCommunity, level: 1e9, target: EditTarget.Both);
        Assert.All(none.Users, u => Assert.Equal(u.Before, u.After));
        Assert.True(onBoth.ShareAfter <= Math.Max(onUsers.ShareAfter, onItems.ShareAfter) + 0.05,
            $"both {onBoth.ShareAfter}, users {onUsers.ShareAfter}, items {onItems.ShareAfter}");
    }

    [Fact]
    public void A_suppression_sweep_finds_the_shallowest_cap_that_reaches_the_cut()
    {
        var neurons = CommunityZeroNeurons();
        using var context = new InterventionContext(fixture.Recommender.Model, fixture.Trained.Sae, fixture.Split.Train,
            Enumerable.Range(0, 30).ToArray(), depth: 10);
        double[] levels = [-5, -1, -0.25, 0];
        var curve = UserIntervention.Sweep(context, LatentEdit.Suppress(neurons), levels, InterventionFixture.InFirstCommunity, targetCut: 0.3);
        Assert.Equal(levels, curve.Points.Select(p => p.Level));
        for (int k = 0; k < levels.Length; k++)
        {
            var single = UserIntervention.Suppress(context, neurons, InterventionFixture.InFirstCommunity, levels[k]);
            Assert.Equal(single.ShareAfter, curve.Points[k].ShareAfter, 12);
            Assert.Equal(single.ShareAfter, curve.At(levels[k])!.ShareAfter, 12);
        }
        Assert.True(curve.Points[0].ShareAfter <= curve.Points[^1].ShareAfter, "a deeper cap removes at least as much");
        var reaching = curve.Points.Where(p => p.RelativeChange <= -0.3).Select(p => p.Level).ToList();
        Assert.Equal(reaching.Count == 0 ? null : reaching.MinBy(Math.Abs), curve.ShallowestLevel);
    }

    /// <summary>The neurons selective for community 0 (mean activation on its 20 items above 1.5× the mean overall).</summary>
    private int[] CommunityZeroNeurons()
    {
        var (items, _) = SaeCodec.Activations(fixture.Recommender.Model, fixture.Trained.Sae);
        return Enumerable.Range(0, items.Neurons).Where(k =>
        {
            var column = items.Column(k);
            double overall = column.Average();
            return overall > 0 && column.Take(20).Average() > 1.5 * overall;
        }).ToArray();
    }

    [Fact]
    public void Decoder_probe_lists_items_by_cosine()
    {
        var probe = DecoderProbe.Probe(fixture.Recommender.Model, fixture.Trained.Sae, 0, top: 5);
        Assert.Equal(5, probe.Count);
        Assert.True(probe.Zip(probe.Skip(1)).All(t => t.First.Cosine >= t.Second.Cosine));
        Assert.All(probe, p => Assert.InRange(p.Cosine, -1.0001, 1.0001));
    }

    [Fact]
    public void Activations_feed_the_neuron_analyzer()
    {
        var (items, users) = SaeCodec.Activations(fixture.Recommender.Model, fixture.Trained.Sae);
        Assert.Equal(fixture.Data.Items.Count, items.Rows);
        Assert.Equal(fixture.Data.Users.Count, users.Rows);
        var profiles = NeuronAnalyzer.Analyze(fixture.Data, items, users);
        Assert.Equal(fixture.Trained.Sae.Width, profiles.Count);
    }

    [Fact]
    public void The_guardrail_agrees_with_the_evaluators_honest_fidelity()
    {
        int[] users = fixture.Split.TestUsers.ToArray();
        using var context = new InterventionContext(fixture.Recommender.Model, fixture.Trained.Sae, fixture.Split.Train, users);
        var guardrail = context.ReconstructionAgreement();
        var metrics = RecSaeExplorer.Engine.Sae.Evaluation.SaeEvaluator.Evaluate(fixture.Data, fixture.Split, fixture.Recommender.Model, fixture.Trained.Sae);
        Assert.Equal(metrics.Users, users);
        Assert.Equal(metrics.Honest.Rbo, guardrail.Select(a => a.Rbo), new ToleranceComparer(1e-9));
        Assert.Contains(guardrail, a => a.Rbo < 1); // a quick SAE is not a perfect reconstruction
    }

    [Fact]
    public void A_users_top_list_from_scoring_is_the_contexts_baseline()
    {
        int[] users = [0, 7, 33];
        using var context = new InterventionContext(fixture.Recommender.Model, fixture.Trained.Sae, fixture.Split.Train, users);
        var lists = Scoring.TopLists(fixture.Recommender.Model, users, fixture.Split.Train, 30);
        Assert.Equal(context.Baseline.Select(b => b.Items), lists.Select(l => l.Items));
        Assert.All(lists.Zip(users), t => Assert.DoesNotContain(t.First.Items, i => fixture.Split.Train.Contains(t.Second, i)));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
