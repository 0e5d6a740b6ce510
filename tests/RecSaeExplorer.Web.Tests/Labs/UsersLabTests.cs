using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Labs;

[Collection(TinyRunsCollection.Name)]
public sealed class UsersLabTests(TinyRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Without_a_mode_in_the_link_the_users_lab_suppresses()
    {
        await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog);
        ctx.GoTo($"lab/users?run={runs.Sae.Id}&neuron=0");

        ctx.Render<UsersLab>();

        await EngineServices.Eventually(() => ctx.Uri().Contains("mode=cap", StringComparison.Ordinal), "the suppress mode in the URL");
    }

    [Fact]
    public async Task Suppressing_a_neuron_shows_the_concept_shares_the_engine_computes()
    {
        string author = $"users-{Guid.NewGuid():N}";
        await using var ctx = ExplorerTestContext.Create().SignIn(author, RecSaeExplorer.Engine.Accounts.Roles.Analyst).WithLabs(runs.Catalog);
        var sae = await ctx.Services.GetRequiredService<ConceptCatalog>().OpenAsync(runs.Sae.Id);
        var (neuron, facet, deep, before, after) = await StrongestSuppressionAsync(sae);
        string concept = sae.Dataset.FacetNames[facet];
        var state = new LabState { Run = sae.Run.Id, Neuron = neuron, Level = 0, Mode = EditMode.Cap, Audience = "facet:" + concept + ":40", Concept = concept };
        ctx.GoTo($"lab/users?{state.ToQuery()}");

        var cut = ctx.Render<UsersLab>();
        cut.WaitForAssertion(() => Assert.Equal(before.ShareAfter.ToString("P1"), Stat(cut, "share-after")), Wait);
        Assert.Equal(before.ShareBefore.ToString("P1"), Stat(cut, "share-before"));

        cut.Find(".level-slider input").Input(deep.ToString(CultureInfo.InvariantCulture));

        cut.WaitForAssertion(() => Assert.Equal(after.ShareAfter.ToString("P1"), Stat(cut, "share-after")), Wait);
        Assert.NotEqual(before.ShareAfter.ToString("P1"), after.ShareAfter.ToString("P1"));
        var rows = cut.FindAll(".lab-user-row");
        Assert.Equal(after.Users.Count, rows.Count);
        await EngineServices.Eventually(() => ctx.Uri().Contains($"level={deep.ToString("R", CultureInfo.InvariantCulture)}&mode=cap", StringComparison.Ordinal), "the cap in the URL");

        // The author is the signed-in identity; there is no name field to type into.
        Assert.Empty(cut.FindAll(".save-author"));
        cut.WaitForAssertion(() => Assert.False(cut.Find(".save-experiment-button").HasAttribute("disabled")), Wait);
        cut.Find(".save-experiment-button").Click();
        cut.WaitForAssertion(() => Assert.Single(runs.Catalog.Experiments(sae.Run.Id), e => e.Author == author), Wait);
        var saved = runs.Catalog.Experiments(sae.Run.Id).Single(e => e.Author == author);
        Assert.Equal((Engine.Experiments.ExperimentKind.Suppress, neuron, deep, "cap"), (saved.Kind, saved.Neuron, saved.Level, saved.Mode));
        Assert.Equal((after.ShareBefore, after.ShareAfter), (saved.ShareBefore, saved.ShareAfter));
        Assert.Null(saved.ItemId);
        Assert.Equal($"lab/users?{saved.State}", LabExperiments.ReopenUri(saved));
    }

    [Fact]
    public async Task Excluding_flagged_users_gives_the_shares_of_the_unflagged_users_alone()
    {
        var sae = await new ConceptCatalog(runs.Catalog, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConceptCatalog>.Instance).OpenAsync(runs.Sae.Id);
        var (neuron, facet, deep, _, _) = await StrongestSuppressionAsync(sae);
        string concept = sae.Dataset.FacetNames[facet];
        string spec = $"facet:{concept}:40";
        // A threshold at the audience's median fidelity flags about half of it.
        var probe = new LabService(Microsoft.Extensions.Options.Options.Create(new RecSaeExplorer.Web.Hosting.ExplorerOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<LabService>.Instance);
        var audience = await probe.AudienceAsync(sae, spec);
        double threshold = audience.Fidelity.Select(f => f.Rbo).Order().ElementAt(audience.Count / 2);
        bool[] unflagged = audience.Unflagged(threshold);
        Assert.Contains(false, unflagged);
        Assert.Contains(true, unflagged);
        var kept = await sae.RunAsync(() =>
        {
            using var context = new InterventionContext(sae.Recommender.Recommender.Model, sae.Sae.Sae, sae.Split.Train,
                [.. audience.Context.Users.Where((_, p) => unflagged[p])]);
            return UserIntervention.Apply(context, LatentEdit.Suppress([neuron], deep), i => sae.Dataset.Items[i].Facets.Contains(facet));
        });

        await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog, guardrail: threshold);
        var state = new LabState { Run = sae.Run.Id, Neuron = neuron, Level = deep, Mode = EditMode.Cap, Audience = spec, Concept = concept, ExcludeFlagged = true };
        ctx.GoTo($"lab/users?{state.ToQuery()}");
        var cut = ctx.Render<UsersLab>();

        cut.WaitForAssertion(() => Assert.Equal(kept.ShareAfter.ToString("P1"), Stat(cut, "share-after")), Wait);
        Assert.Equal(kept.ShareBefore.ToString("P1"), Stat(cut, "share-before"));
        cut.WaitForAssertion(() => Assert.Equal(kept.Users.Count, cut.FindAll(".lab-user-row").Count), Wait);
        Assert.Equal(kept.Users.Count.ToString("N0"), Stat(cut, "audience"));
        Assert.Contains($"({unflagged.Count(u => !u)} flagged users left out)", cut.Find(".lab-headline").TextContent);
        Assert.True(cut.Find(".exclude-flagged-switch input").HasAttribute("checked"));
    }

    // The (neuron, facet) whose deepest cap changes the facet's share of its 40 fans' lists the most, computed through the engine.
    private static Task<(int Neuron, int Facet, double Deep, AudienceShift AtZero, AudienceShift AtDeep)> StrongestSuppressionAsync(ExploredSae sae) =>
        sae.RunAsync(() =>
        {
            var best = (Neuron: -1, Facet: -1, Deep: 0.0, AtZero: (AudienceShift?)null, AtDeep: (AudienceShift?)null, Change: -1.0);
            for (int facet = 0; facet < Math.Min(4, sae.Dataset.FacetNames.Count); facet++)
            {
                var users = Audience.Parse($"facet:{sae.Dataset.FacetNames[facet]}:40", sae.Dataset, sae.Split).Users;
                using var context = new InterventionContext(sae.Recommender.Recommender.Model, sae.Sae.Sae, sae.Split.Train, users);
                Func<int, bool> inFacet = i => sae.Dataset.Items[i].Facets.Contains(facet);
                for (int k = 0; k < sae.Width; k++)
                {
                    double deep = LevelGrid.For(sae.Profiles[k].MaxActivation, EditMode.Cap).Min;
                    var atZero = UserIntervention.Apply(context, LatentEdit.Suppress([k], 0), inFacet);
                    var atDeep = UserIntervention.Apply(context, LatentEdit.Suppress([k], deep), inFacet);
                    double change = Math.Abs(atDeep.ShareAfter - atZero.ShareAfter);
                    if (change > best.Change) best = (k, facet, deep, atZero, atDeep, change);
                }
            }
            return (best.Neuron, best.Facet, best.Deep, best.AtZero!, best.AtDeep!);
        });

    private static string Stat<T>(IRenderedComponent<T> cut, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"[data-stat='{name}'] .lab-stat-value").TextContent.Trim();
}
