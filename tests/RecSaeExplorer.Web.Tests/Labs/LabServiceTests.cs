using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Labs;

[Collection(TinyRunsCollection.Name)]
public sealed class LabServiceTests(TinyRunsFixture runs)
{
    private static LabService NewLabs(int cached = 32) =>
        new(Options.Create(new ExplorerOptions { CachedAudiences = cached }), NullLogger<LabService>.Instance);

    private async Task<ExploredSae> OpenAsync() =>
        await new ConceptCatalog(runs.Catalog, NullLogger<ConceptCatalog>.Instance).OpenAsync(runs.Sae.Id);

    [Fact]
    public async Task An_audience_is_built_once_with_a_guardrail_score_per_user()
    {
        var sae = await OpenAsync();
        var labs = NewLabs();
        var test = await labs.AudienceAsync(sae, "test");
        Assert.Same(test, await labs.AudienceAsync(sae, " TEST "));
        Assert.Equal(sae.Split.TestUsers, test.Context.Users);
        Assert.Equal(test.Count, test.Fidelity.Length);
        Assert.All(test.Fidelity, f => Assert.InRange(f.Rbo, 0, 1));
        int first = test.Context.Users[0];
        Assert.Equal(0, test.PositionOf(first));
        Assert.Null(test.PositionOf(-1));
    }

    [Fact]
    public async Task A_bad_audience_spec_fails_with_its_reason()
    {
        var sae = await OpenAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => NewLabs().AudienceAsync(sae, "facet:Opera"));
        Assert.Contains("Opera", error.Message);
    }

    [Fact]
    public async Task Steps_from_many_callers_at_once_match_steps_taken_one_by_one()
    {
        var sae = await OpenAsync();
        var labs = NewLabs();
        var audience = await labs.AudienceAsync(sae, "all");
        int item = sae.Dataset.Items.OrderByDescending(i => i.Popularity).Skip(200).First().Index;
        double[] levels = Enumerable.Range(0, 12).Select(l => l * 0.75).ToArray();

        var together = await Task.WhenAll(levels.Select(l => Task.Run(() => labs.PromoteAsync(sae, audience, item, new LatentEdit([0], l)))));

        using var context = new InterventionContext(sae.Recommender.Recommender.Model, sae.Sae.Sae, sae.Split.Train, audience.Context.Users);
        for (int i = 0; i < levels.Length; i++)
        {
            var alone = Promotion.Step(context, item, new LatentEdit([0], levels[i]));
            Assert.Equal(alone.Scores, together[i].Scores);
            Assert.Equal(alone.Reached, together[i].Reached);
        }
    }

    [Fact]
    public async Task A_users_list_after_a_step_holds_the_item_at_its_new_rank()
    {
        var sae = await OpenAsync();
        var labs = NewLabs();
        var audience = await labs.AudienceAsync(sae, "all");
        int item = sae.Dataset.Items.OrderByDescending(i => i.Popularity).Skip(100).First().Index;
        var sweep = await labs.SweepAsync(sae, audience, item, new LatentEdit([0], 0), [0, 5, 50, 500]);
        var step = sweep.Steps.Last(s => s.Reached > 0);
        var reached = step.Users.Select((u, p) => (u, p)).First(t => t.u.Reached);

        var after = LabService.ListAfter(audience, reached.p, item, step);
        Assert.Equal(reached.u.NewRank, after.RankOf(item));
        Assert.Equal(30, after.Items.Length);
    }

    [Fact]
    public async Task The_oldest_audiences_are_dropped_past_the_cache_size()
    {
        var sae = await OpenAsync();
        var labs = NewLabs(cached: 1);
        var first = await labs.AudienceAsync(sae, "test");
        await labs.AudienceAsync(sae, "all");
        Assert.NotSame(first, await labs.AudienceAsync(sae, "test"));
    }
}
