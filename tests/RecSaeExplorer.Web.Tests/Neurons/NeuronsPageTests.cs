using Bunit;
using MudBlazor;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Neurons;

[Collection(NeuronRunsCollection.Name)]
public sealed class NeuronsPageTests(NeuronRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_grid_holds_every_neuron_of_the_newest_sae_run_each_linking_to_its_page()
    {
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();

        var cut = ctx.Render<NeuronsPage>();

        var grid = WaitForGrid(cut);
        Assert.Equal(runs.Sae.Width, grid.FilteredItems.Count());
        Assert.Equal(Enumerable.Range(0, runs.Sae.Width), grid.FilteredItems.Select(r => r.Index).Order());
        var first = cut.FindAll("tr.neuron-row")[0];
        Assert.Equal($"neurons/{runs.SaeId}/0", first.QuerySelector("a.neuron-link")!.GetAttribute("href"));
        Assert.Equal(runs.Sae.LabelOf(0), first.QuerySelector("a.neuron-link")!.TextContent.Trim());
        Assert.Contains(runs.SaeId, cut.Find(".run-picker").InnerHtml);
    }

    [Fact]
    public async Task Search_keeps_the_neurons_whose_label_or_top_facets_name_the_text()
    {
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<NeuronsPage>(p => p.Add(c => c.RunId, runs.SaeId));
        WaitForGrid(cut);
        // A facet in some top-3 mixes but not all: the search must narrow the grid.
        var facet = runs.Sae.Dataset.FacetNames.First(f =>
            runs.Sae.Profiles.Count(p => Mentions(p, f)) is > 0 and var n && n < runs.Sae.Width);
        var expected = runs.Sae.Profiles.Where(p => Mentions(p, facet)).Select(p => p.Index).ToList();

        cut.Find(".neuron-search input").Input(facet);

        cut.WaitForAssertion(() => Assert.Equal(expected, WaitForGrid(cut).FilteredItems.Select(r => r.Index).Order()), Wait);
        Assert.True(expected.Count < runs.Sae.Width);
    }

    [Fact]
    public async Task A_sorted_column_goes_into_the_link_and_a_link_opens_sorted()
    {
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<NeuronsPage>(p => p.Add(c => c.RunId, runs.SaeId));
        WaitForGrid(cut);

        // Confidence's header explains the term, so its sort control is the grid's SortToggle: ascending, then descending.
        Toggle(cut, "Confidence");
        cut.WaitForAssertion(() => Assert.Equal("ascending", ToggleOf(cut, "Confidence").GetAttribute("data-direction")), Wait);
        Toggle(cut, "Confidence");
        cut.WaitForAssertion(() => Assert.Equal("descending", ToggleOf(cut, "Confidence").GetAttribute("data-direction")), Wait);
        var expected = runs.Sae.Profiles.Select(p => p.Label.Confidence).OrderDescending().Take(10).ToList();
        cut.WaitForAssertion(() => Assert.Equal(expected, CurrentPage(cut).Take(10).ToList()), Wait);

        await EngineServices.Eventually(() => ctx.Uri().Contains("sort=Confidence&desc=1", StringComparison.Ordinal), "the sort in the URL");

        // The same link in a new page opens sorted by confidence, highest first.
        var again = ctx.Render<NeuronsPage>(p => p.Add(c => c.RunId, runs.SaeId));
        WaitForGrid(again);
        again.WaitForAssertion(() => Assert.Equal(expected, CurrentPage(again).Take(10).ToList()), Wait);
    }

    private static AngleSharp.Dom.IElement ToggleOf(IRenderedComponent<NeuronsPage> cut, string title) =>
        cut.FindAll("th").Single(th => th.TextContent.Contains(title, StringComparison.Ordinal)).QuerySelector(".sort-toggle")!;

    private static void Toggle(IRenderedComponent<NeuronsPage> cut, string title) => ToggleOf(cut, title).Click();

    // The label confidences of the rows on the grid's current page, in the order shown (the first cell is the neuron's index).
    private IEnumerable<double> CurrentPage(IRenderedComponent<NeuronsPage> cut) =>
        cut.FindAll("tr.neuron-row").Select(r => runs.Sae.Profiles[int.Parse(r.QuerySelector("td")!.TextContent.Trim())].Label.Confidence);

    [Fact]
    public async Task The_status_and_side_filters_keep_dead_or_user_active_neurons()
    {
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<NeuronsPage>(p => p.Add(c => c.RunId, runs.SaeId));
        WaitForGrid(cut);

        cut.FindAll(".status-filter .mud-toggle-item").Single(b => b.TextContent.Trim() == "Dead").Click();
        cut.WaitForAssertion(() => Assert.Equal(runs.Sae.Profiles.Where(p => p.IsDead).Select(p => p.Index),
            WaitForGrid(cut).FilteredItems.Select(r => r.Index).Order()), Wait);

        cut.FindAll(".status-filter .mud-toggle-item").Single(b => b.TextContent.Trim() == "All").Click();
        cut.FindAll(".side-filter .mud-toggle-item").Single(b => b.TextContent.Trim() == "Active on users").Click();
        var onUsers = Enumerable.Range(0, runs.Sae.Width).Where(k => runs.Sae.UserCodes.Column(k).Any(v => v > 0)).ToList();
        cut.WaitForAssertion(() => Assert.Equal(onUsers, WaitForGrid(cut).FilteredItems.Select(r => r.Index).Order()), Wait);
    }

    [Fact]
    public async Task A_name_given_in_the_dialog_shows_in_the_grid_and_survives_a_new_catalog_over_the_store()
    {
        const int neuron = 3;
        await using var ctx = runs.NewContext(c => c.SignIn("ana", RecSaeExplorer.Engine.Accounts.Roles.Analyst));
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<NeuronsPage>(p => p.Add(c => c.RunId, runs.SaeId));
        WaitForGrid(cut);
        try
        {
            cut.Find($"button[aria-label='Rename neuron {neuron}']").Click();
            dialogs.WaitForElement(".rename-field input", Wait).Input("Feel-good classics");
            dialogs.Find("button.rename-save").Click();

            cut.WaitForAssertion(() => Assert.Equal("Feel-good classics", cut.FindAll("a.neuron-link")[neuron].TextContent.Trim()), Wait);
            Assert.Contains($"(auto: {runs.Sae.Profiles[neuron].Label.Text})", cut.FindAll("tr.neuron-row")[neuron].TextContent);
            using var fresh = runs.NewConcepts();
            var reopened = await fresh.OpenAsync(runs.SaeId);
            Assert.Equal("Feel-good classics", reopened.LabelOf(neuron));
            Assert.Equal($"#{neuron} Feel-good classics", reopened.Caption(neuron));
        }
        finally
        {
            runs.Concepts.Rename(runs.Sae, neuron, null);
        }
        Assert.Equal(runs.Sae.Profiles[neuron].Label.Text, runs.Sae.LabelOf(neuron));
    }

    [Fact]
    public async Task An_unknown_run_shows_a_warning_instead_of_the_grid()
    {
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();

        var cut = ctx.Render<NeuronsPage>(p => p.Add(c => c.RunId, "no-such-run"));

        cut.WaitForAssertion(() => Assert.Contains("no run 'no-such-run'", cut.FindComponent<MudAlert>().Markup), Wait);
        Assert.Empty(cut.FindComponents<MudDataGrid<NeuronRow>>());
    }

    private static bool Mentions(RecSaeExplorer.Core.Concepts.NeuronProfile p, string text) =>
        p.Label.Text.Contains(text, StringComparison.OrdinalIgnoreCase)
        || p.FacetMix.Take(NeuronRow.FacetsShown).Any(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static MudDataGrid<NeuronRow> WaitForGrid(IRenderedComponent<NeuronsPage> cut)
    {
        cut.WaitForAssertion(() => Assert.Single(cut.FindComponents<MudDataGrid<NeuronRow>>()), Wait);
        return cut.FindComponent<MudDataGrid<NeuronRow>>().Instance;
    }
}
