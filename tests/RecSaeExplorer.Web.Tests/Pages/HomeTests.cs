using Bunit;
using MudBlazor;
using MudBlazor.Extensions;
using Plotly.Blazor;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Web.Components.Datasets;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Pages;

public class HomeTests
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_dataset_that_fails_to_load_shows_an_error_alert_instead_of_charts()
    {
        string empty = TestPaths.NewTempFolder();
        try
        {
            await using var ctx = ExplorerTestContext.Create().WithDatasets(ExplorerTestContext.DatasetService(empty));

            ctx.ComponentFactories.AddStub<RecSaeExplorer.Web.Components.Showcase.ShowcaseCards>(); // the stories have their own tests (ShowcaseCardsTests)

            var cut = ctx.Render<Home>();

            cut.WaitForAssertion(() =>
            {
                var alert = cut.FindComponent<MudAlert>();
                Assert.Equal(Severity.Error, alert.Instance.Severity);
                Assert.Contains($"Dataset '{DatasetCatalog.DefaultName}' is not in", alert.Markup);
            }, LoadTimeout);
            Assert.Empty(cut.FindComponents<PlotlyChart>());
            Assert.Empty(cut.FindAll(".stat-card"));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task The_default_dataset_is_shown_with_its_real_numbers_and_histograms()
    {
        var expected = DatasetStats.Of(new DatasetCatalog(new ProductPaths(TestPaths.ShippedData, TestPaths.ShippedData)).Load(DatasetCatalog.DefaultName));
        await using var ctx = ExplorerTestContext.Create().WithDatasets(ExplorerTestContext.DatasetService(TestPaths.ShippedData));

        ctx.ComponentFactories.AddStub<RecSaeExplorer.Web.Components.Showcase.ShowcaseCards>(); // the stories have their own tests (ShowcaseCardsTests)

        var cut = ctx.Render<Home>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindComponents<PlotlyChart>().Count), LoadTimeout);
        Assert.Equal(expected.Users.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            cut.Find("[data-stat='Users'] .stat-value").TextContent.Trim());
        Assert.Equal(expected.Interactions.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            cut.Find("[data-stat='Interactions'] .stat-value").TextContent.Trim());
        var facets = PlotlyTrace.SingleBar(cut.FindComponent<FacetHistogram>());
        Assert.Equal(expected.Facets.Take(facets.X.Count).Select(f => f.Label), facets.Labels());
        var decades = PlotlyTrace.SingleBar(cut.FindComponent<DecadeHistogram>());
        Assert.Equal(expected.Decades.Select(d => d.Count), decades.Counts());
        Assert.Empty(cut.FindComponents<MudAlert>());
    }

    [Fact]
    public async Task Picking_another_dataset_reloads_the_charts()
    {
        await using var ctx = ExplorerTestContext.Create().WithDatasets(ExplorerTestContext.DatasetService(TestPaths.ShippedData));
        ctx.ComponentFactories.AddStub<RecSaeExplorer.Web.Components.Showcase.ShowcaseCards>(); // the stories have their own tests (ShowcaseCardsTests)
        var cut = ctx.Render<Home>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindComponents<PlotlyChart>().Count), LoadTimeout);
        var genres = PlotlyTrace.SingleBar(cut.FindComponent<FacetHistogram>()).Labels();

        var picker = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(LastFmLoader.DatasetName));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("tag", cut.FindComponent<FacetHistogram>().Instance.FacetKind);
            Assert.NotEqual(genres, PlotlyTrace.SingleBar(cut.FindComponent<FacetHistogram>()).Labels());
        }, LoadTimeout);
        Assert.Equal(LastFmLoader.DatasetName, picker.Instance.GetState(x => x.Value));
    }
}
