using Bunit;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Web.Components.Datasets;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Datasets;

public class DecadeHistogramTests
{
    [Fact]
    public async Task Bars_are_decades_in_chronological_order()
    {
        await using var ctx = ExplorerTestContext.Create();
        LabelCount[] decades = [new("2000s", 1), new("1990s", 2), new(Decades.Pre1970, 4), new("2010s", 5), new("1970s", 3)];

        var cut = ctx.Render<DecadeHistogram>(p => p.Add(c => c.Decades, decades));

        var bar = PlotlyTrace.SingleBar(cut);
        Assert.Equal([Decades.Pre1970, "1970s", "1990s", "2000s", "2010s"], bar.Labels());
        Assert.Equal([4, 3, 2, 1, 5], bar.Counts());
    }

    [Fact]
    public async Task Bars_of_a_real_dataset_match_its_items()
    {
        await using var ctx = ExplorerTestContext.Create();
        var stats = DatasetStats.Of(HandMadeDataset.Create());

        var cut = ctx.Render<DecadeHistogram>(p => p.Add(c => c.Decades, stats.Decades));

        var bar = PlotlyTrace.SingleBar(cut);
        Assert.Equal([Decades.Pre1970, "1990s", "2000s"], bar.Labels());
        Assert.Equal([1, 2, 1], bar.Counts());
    }

    [Fact]
    public async Task A_dataset_without_years_says_so_instead_of_drawing_an_empty_chart()
    {
        await using var ctx = ExplorerTestContext.Create();

        var cut = ctx.Render<DecadeHistogram>(p => p.Add(c => c.Decades, []));

        Assert.Empty(cut.FindComponents<Plotly.Blazor.PlotlyChart>());
        Assert.Contains("no release years", cut.Markup);
    }
}
