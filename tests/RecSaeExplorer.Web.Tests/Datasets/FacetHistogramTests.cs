using Bunit;
using Plotly.Blazor;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Web.Components.Datasets;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Datasets;

public class FacetHistogramTests
{
    [Fact]
    public async Task Bars_are_facets_by_descending_count_with_ties_by_name()
    {
        await using var ctx = ExplorerTestContext.Create();
        LabelCount[] facets = [new("Action", 1), new("Drama", 3), new("Comedy", 2), new("Animation", 2)];

        var cut = ctx.Render<FacetHistogram>(p => p.Add(c => c.Facets, facets).Add(c => c.FacetKind, "genre"));

        var bar = PlotlyTrace.SingleBar(cut);
        Assert.Equal(["Drama", "Animation", "Comedy", "Action"], bar.Labels());
        Assert.Equal([3, 2, 2, 1], bar.Counts());
        Assert.Contains("Items per genre", cut.Markup);
    }

    [Fact]
    public async Task Bars_of_a_real_dataset_match_its_items()
    {
        await using var ctx = ExplorerTestContext.Create();
        var stats = DatasetStats.Of(HandMadeDataset.Create());

        var cut = ctx.Render<FacetHistogram>(p => p.Add(c => c.Facets, stats.Facets));

        var bar = PlotlyTrace.SingleBar(cut);
        Assert.Equal(["Drama", "Comedy", "Action"], bar.Labels());
        Assert.Equal([3, 2, 1], bar.Counts());
    }

    [Fact]
    public async Task Only_the_most_common_facets_are_drawn_when_there_are_many()
    {
        await using var ctx = ExplorerTestContext.Create();
        var tags = Enumerable.Range(1, 10).Select(i => new LabelCount($"tag{i:00}", i)).ToList();

        var cut = ctx.Render<FacetHistogram>(p => p
            .Add(c => c.Facets, tags).Add(c => c.FacetKind, "tag").Add(c => c.MaxBars, 3));

        var bar = PlotlyTrace.SingleBar(cut);
        Assert.Equal(["tag10", "tag09", "tag08"], bar.Labels());
        Assert.Contains("the 3 most common of 10", cut.Markup);
    }

    [Fact]
    public async Task New_facets_replace_the_bars_and_redraw_the_chart()
    {
        await using var ctx = ExplorerTestContext.Create();
        var plotly = ctx.JSInterop.SetupModule("./_content/Plotly.Blazor/plotly-interop-7.2.0.js");
        plotly.Mode = JSRuntimeMode.Loose;
        var cut = ctx.Render<FacetHistogram>(p => p.Add(c => c.Facets, [new LabelCount("Drama", 3)]));
        Assert.Empty(plotly.Invocations["react"]);

        cut.Render(p => p.Add(c => c.Facets, [new LabelCount("rock", 5), new LabelCount("jazz", 7)]));

        var bar = PlotlyTrace.SingleBar(cut);
        Assert.Equal(["jazz", "rock"], bar.Labels());
        Assert.Equal([7, 5], bar.Counts());
        Assert.Single(plotly.Invocations["react"]);
        Assert.Same(bar, cut.FindComponent<PlotlyChart>().Instance.Data[0]);
    }
}
