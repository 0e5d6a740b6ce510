using System.Globalization;
using Bunit;
using MudBlazor;
using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Web.Components.Charts;
using RecSaeExplorer.Web.Components.Neurons;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Neurons;

[Collection(NeuronRunsCollection.Name)]
public sealed class NeuronPageTests(NeuronRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>The neuron active on the most items: its top list is long and its charts full.</summary>
    private int Busiest => Enumerable.Range(0, runs.Sae.Width).OrderByDescending(k => runs.Sae.ItemCodes.Column(k).Count(v => v > 0)).First();

    [Fact]
    public async Task The_top_items_table_lists_the_items_the_codes_rank_highest_with_links()
    {
        int k = Busiest;
        var column = runs.Sae.ItemCodes.Column(k);
        var expected = Enumerable.Range(0, column.Length).Where(i => column[i] > 0)
            .OrderByDescending(i => column[i]).ThenBy(i => i).Take(25).Select(i => runs.Sae.Dataset.Items[i]).ToList();
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();

        var cut = Render(ctx, k);

        var links = cut.FindAll("tr.top-item a.item-link");
        Assert.Equal(expected.Select(i => i.Title), links.Select(a => a.TextContent.Trim()));
        Assert.Equal($"items/{runs.SaeId}/{expected[0].Id}", links[0].GetAttribute("href"));
        Assert.Equal(column[expected[0].Index].ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
            cut.Find("tr.top-item td.activation").TextContent.Trim());
        Assert.Contains($"#{k} {runs.Sae.LabelOf(k)}", cut.Find(".neuron-title").TextContent);
    }

    [Fact]
    public async Task The_selectivity_chart_draws_each_facets_mean_ratio_against_a_line_at_one()
    {
        int k = Busiest;
        var column = runs.Sae.ItemCodes.Column(k);
        var items = runs.Sae.Dataset.Items;
        double overall = column.Average();
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();

        var cut = Render(ctx, k);

        var selectivity = cut.FindComponents<ValueBarChart>()[0];
        var bars = selectivity.Bars();
        Assert.Equal(Math.Min(NeuronView.MaxFacetBars, runs.Sae.Dataset.FacetNames.Count), bars.Length);
        Assert.Equal(bars.Select(b => b.Value).OrderDescending(), bars.Select(b => b.Value));
        foreach (var (facet, value) in bars)
        {
            int g = runs.Sae.Dataset.FacetNames.ToList().IndexOf(facet);
            var members = items.Where(i => i.Facets.Contains(g)).ToList();
            Assert.Equal(members.Count == 0 ? 0 : members.Average(i => column[i.Index]) / overall, value, 1e-9);
        }
        var line = Assert.Single(selectivity.Plot().Layout.Shapes);
        Assert.Equal(1.0, Convert.ToDouble(line.X0));
        Assert.Equal(1.0, Convert.ToDouble(line.X1));
    }

    [Fact]
    public async Task The_mix_and_popularity_charts_describe_the_top_items()
    {
        int k = Busiest;
        var profile = runs.Sae.Profiles[k];
        var top = profile.TopItems.Select(i => runs.Sae.Dataset.Items[i]).ToList();
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();

        var cut = Render(ctx, k);

        var mix = cut.FindComponents<ValueBarChart>()[1].Bars();
        var (facet, share) = mix[0];
        int g = runs.Sae.Dataset.FacetNames.ToList().IndexOf(facet);
        Assert.Equal(top.Count(i => i.Facets.Contains(g)) / (double)top.Count, share, 1e-9);
        var decades = cut.FindComponents<ValueBarChart>()[2].Bars();
        Assert.Equal(top.Where(i => i.Decade is not null).GroupBy(i => i.Decade!).Select(d => d.Key).OrderBy(RecSaeExplorer.Core.Datasets.Decades.SortKey),
            decades.Select(d => d.Label));
        var popularity = Assert.IsType<Plotly.Blazor.Traces.Histogram>(Assert.Single(cut.FindComponent<HistogramChart>().FindComponent<Plotly.Blazor.PlotlyChart>().Instance.Data));
        Assert.Equal(top.Select(i => (double)i.Popularity), popularity.X.Select(x => Assert.IsType<double>(x)));
    }

    [Fact]
    public async Task The_decoder_probe_lists_items_and_a_rename_elsewhere_retitles_the_page()
    {
        int k = Busiest;
        var probe = await runs.Sae.ProbeAsync(k);
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();
        var cut = Render(ctx, k);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.probe-item")), Wait);
        Assert.Equal(probe.Take(15).Select(p => runs.Sae.Dataset.Items[p.Item].Title), cut.FindAll("tr.probe-item a").Select(a => a.TextContent.Trim()));
        try
        {
            runs.Concepts.Rename(runs.Sae, k, "Date-night picks");

            cut.WaitForAssertion(() => Assert.Equal($"#{k} Date-night picks", cut.Find(".neuron-title").TextContent.Trim()), Wait);
            Assert.Contains($"auto: {runs.Sae.Profiles[k].Label.Text}", cut.Find(".neuron-label-facts").TextContent);
        }
        finally
        {
            runs.Concepts.Rename(runs.Sae, k, null);
        }
    }

    [Fact]
    public async Task The_page_shows_the_density_the_pushed_down_items_and_the_similar_neurons()
    {
        int k = Busiest;
        var column = runs.Sae.ItemCodes.Column(k);
        var down = await runs.Sae.ProbeAsync(k, lowest: true);
        var neighbours = await runs.Sae.NeighboursAsync(k);
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();

        var cut = ctx.Render<NeuronPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.Neuron, k));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.probe-down-item")), Wait);
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("tr.similar-neuron").Count), Wait);
        // Density: the nonzero activations in the histogram, and the share of items that fire.
        var nonzero = column.Where(v => v != 0).ToList();
        var histogram = cut.FindComponents<HistogramChart>().Single(h => h.Instance.XTitle?.StartsWith("activation") == true);
        Assert.Equal(nonzero, histogram.Instance.Values);
        Assert.Contains($"{(nonzero.Count * 100.0 / column.Length).ToString("0.0", CultureInfo.InvariantCulture)}% of items", cut.Find(".neuron-firing-share").TextContent);
        // Pushed down: the probe's other end, most negative cosine first.
        Assert.Equal(down.Take(15).Select(p => runs.Sae.Dataset.Items[p.Item].Title), cut.FindAll("tr.probe-down-item a").Select(a => a.TextContent.Trim()));
        Assert.True(down[0].Cosine < 0);
        // Similar neurons: linked, with their cosine.
        Assert.Equal(neighbours.Select(n => $"neurons/{runs.SaeId}/{n.Neuron}"), cut.FindAll("tr.similar-neuron a").Select(a => a.GetAttribute("href")));
        Assert.Equal(neighbours.Select(n => n.Cosine.ToString("0.000", CultureInfo.InvariantCulture)),
            cut.FindAll("tr.similar-neuron td.num").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task A_neuron_outside_the_run_shows_a_warning()
    {
        await using var ctx = runs.NewContext();

        var cut = ctx.Render<NeuronPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.Neuron, runs.Sae.Width));

        cut.WaitForAssertion(() => Assert.Contains($"there is no neuron {runs.Sae.Width}", cut.FindComponent<MudAlert>().Markup), Wait);
        Assert.Empty(cut.FindComponents<ValueBarChart>());
    }

    private IRenderedComponent<NeuronPage> Render(Bunit.BunitContext ctx, int k)
    {
        var cut = ctx.Render<NeuronPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.Neuron, k));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.top-item")), Wait);
        return cut;
    }
}
