using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Web.Components.Glossary;
using RecSaeExplorer.Web.Components.Neurons;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Components.Quality;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Quality;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Pages;

/// <summary>Pages that explain themselves and keep their state: the glossary, quality badges, links between pages, state in the URL.</summary>
[Collection(NeuronRunsCollection.Name)]
public sealed class ExplainedPagesTests(NeuronRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_glossary_lists_every_term_the_tooltips_use_and_the_quality_thresholds()
    {
        await using var ctx = ExplorerTestContext.Create();

        var cut = ctx.Render<GlossaryPage>();

        Assert.Equal(Terms.All.Select(t => t.Key), cut.FindAll(".glossary-term").Select(e => e.GetAttribute("data-term")));
        Assert.Equal(Terms.All.Count, Terms.All.Select(t => t.Key).Distinct().Count());
        foreach (var term in Terms.All) Assert.Contains(term.Definition, cut.Find($"#{term.Key}").TextContent);
        Assert.Equal(QualityThresholds.All.Select(t => t.Metric), cut.FindAll(".quality-thresholds tbody tr").Select(r => r.GetAttribute("data-metric")));
    }

    [Theory]
    [InlineData(0.41, 0.025, "weak")] // the default ml-latest-small paper run
    [InlineData(0.81, 0.30, "fair")]
    [InlineData(0.81, 0.60, "good")]
    public async Task A_run_badge_is_the_worse_of_fidelity_and_explained_variance(double rbo, double explained, string expected)
    {
        await using var ctx = ExplorerTestContext.Create();
        var grades = new[] { QualityThresholds.Fidelity.Grade(rbo), QualityThresholds.ExplainedVariance.Grade(explained) };

        var cut = ctx.Render<QualityBadge>(p => p.Add(b => b.Grades, grades));

        Assert.Equal(expected, cut.Find(".quality-badge").GetAttribute("data-quality"));
    }

    [Fact]
    public async Task A_neuron_page_links_to_both_labs_for_that_neuron_with_its_own_fans_as_audience()
    {
        await using var ctx = runs.NewContext();
        int k = runs.Sae.Profiles.First(p => p.Label.Kind == RecSaeExplorer.Core.Concepts.ConceptKind.Facet).Index;
        string fans = Uri.EscapeDataString($"facet:{runs.Sae.Profiles[k].Label.Name}:50");

        var cut = ctx.Render<NeuronHeader>(p => p.Add(h => h.Sae, runs.Sae).Add(h => h.Neuron, k));

        Assert.Equal($"lab/promote?run={runs.SaeId}&neuron={k}&level=0&mode=set&audience={fans}", cut.Find("a.neuron-promote-link").GetAttribute("href"));
        Assert.Equal($"lab/users?run={runs.SaeId}&neuron={k}&level=0&mode=cap&audience={fans}", cut.Find("a.neuron-users-lab-link").GetAttribute("href"));
        Assert.Single(cut.FindAll(".copy-link-button"));
    }

    [Fact]
    public async Task The_neurons_search_and_filters_go_into_the_url_and_come_back_from_it()
    {
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        var cut = ctx.Render<NeuronsPage>(p => p.Add(c => c.RunId, runs.SaeId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindComponents<MudDataGrid<NeuronRow>>()), Wait);

        cut.Find(".neuron-search input").Input("popular");

        cut.WaitForAssertion(() => Assert.Contains("q=popular", navigation.Uri), Wait);

        // A fresh page opened on that address shows the same search.
        var again = ctx.Render<NeuronsPage>(p => p.Add(c => c.RunId, runs.SaeId));
        again.WaitForAssertion(() => Assert.Equal("popular", again.Find(".neuron-search input").GetAttribute("value")), Wait);
    }
}
