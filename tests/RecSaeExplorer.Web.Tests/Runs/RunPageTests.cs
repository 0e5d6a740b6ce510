using Bunit;
using MudBlazor;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Components.Charts;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Runs;

[Collection(TinyRunsCollection.Name)]
public sealed class RunPageTests(TinyRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_recommender_page_draws_the_epoch_losses_and_lists_its_metrics_and_saes()
    {
        await using var ctx = ExplorerTestContext.Create().WithEngine(runs.Catalog);

        var cut = ctx.Render<RunPage>(p => p.Add(c => c.Id, runs.Recommender.Id));

        cut.WaitForAssertion(() => Assert.Single(cut.FindComponents<LineChart>()), Wait);
        var line = Assert.IsType<Scatter>(Assert.Single(cut.FindComponent<LineChart>().FindComponent<PlotlyChart>().Instance.Data));
        Assert.Equal(runs.Recommender.EpochLosses, line.Y.Select(y => Assert.IsType<double>(y)));
        Assert.Equal([1.0, 2.0, 3.0], line.X.Select(x => Assert.IsType<double>(x)));
        Assert.Equal(4, cut.FindAll(".recommender-metrics tbody tr").Count); // K 10 and 20, two protocols
        Assert.Contains(runs.Sae.Id, cut.Find(".runs-grid").TextContent);
        Assert.Empty(cut.FindComponents<HistogramChart>());
    }

    [Fact]
    public async Task An_sae_page_draws_its_loss_curve_and_the_per_user_fidelity_histograms()
    {
        await using var ctx = ExplorerTestContext.Create().WithEngine(runs.Catalog);
        var metrics = RunStore.SaeMetricsOf(runs.Sae)!;

        var cut = ctx.Render<RunPage>(p => p.Add(c => c.Id, runs.Sae.Id));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindComponents<HistogramChart>().Count), Wait);
        var histograms = cut.FindComponents<HistogramChart>()
            .Select(h => Assert.IsType<Histogram>(Assert.Single(h.FindComponent<PlotlyChart>().Instance.Data)))
            .ToList();
        Assert.Equal(metrics.Honest.Rbo, histograms[0].X.Select(x => Assert.IsType<double>(x)));
        Assert.Equal(metrics.Honest.Kendall, histograms[1].X.Select(x => Assert.IsType<double>(x)));
        var line = Assert.IsType<Scatter>(Assert.Single(cut.FindComponent<LineChart>().FindComponent<PlotlyChart>().Instance.Data));
        Assert.Equal(runs.Sae.EpochLosses, line.Y.Select(y => Assert.IsType<double>(y)));
        Assert.Equal(metrics.Honest.MeanRbo.ToString("0.000"), cut.Find("[data-metric='rbo']").TextContent.Trim());
        Assert.Contains(runs.Recommender.Id, cut.Find(".run-facts").TextContent);
    }

    [Fact]
    public async Task An_unknown_run_shows_a_warning()
    {
        await using var ctx = ExplorerTestContext.Create().WithEngine(runs.Catalog);

        var cut = ctx.Render<RunPage>(p => p.Add(c => c.Id, "no-such-run"));

        cut.WaitForAssertion(() => Assert.Contains("no run 'no-such-run'", cut.FindComponent<MudAlert>().Markup), Wait);
        Assert.Empty(cut.FindComponents<PlotlyChart>());
    }
}
