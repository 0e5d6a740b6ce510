using Bunit;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Web.Components.Datasets;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Datasets;

public class StatCardsTests
{
    [Fact]
    public async Task Cards_show_the_numbers_of_the_dataset()
    {
        await using var ctx = ExplorerTestContext.Create();
        var stats = DatasetStats.Of(HandMadeDataset.Create());

        var cut = ctx.Render<StatCards>(p => p.Add(c => c.Stats, stats));

        Assert.Equal("3", Value(cut, "Users"));
        Assert.Equal("4", Value(cut, "Items"));
        Assert.Equal("with interactions, of 5 listed", Detail(cut, "Items"));
        Assert.Equal("6", Value(cut, "Interactions"));
        Assert.Equal("2.0 per user", Detail(cut, "Interactions"));
        Assert.Equal("50.00%", Value(cut, "Density"));
    }

    [Fact]
    public async Task Large_counts_get_thousands_separators_whatever_the_culture()
    {
        await using var ctx = ExplorerTestContext.Create();
        var stats = new DatasetStats("big", 6040, 3706, 3883, 1_000_209, 0.0447, [], []);
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var cut = ctx.Render<StatCards>(p => p.Add(c => c.Stats, stats));

            Assert.Equal("6,040", Value(cut, "Users"));
            Assert.Equal("1,000,209", Value(cut, "Interactions"));
            Assert.Equal("with interactions, of 3,883 listed", Detail(cut, "Items"));
            Assert.Equal("4.47%", Value(cut, "Density"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    private static string Value(IRenderedComponent<StatCards> cut, string label) =>
        cut.Find($"[data-stat='{label}'] .stat-value").TextContent.Trim();

    private static string Detail(IRenderedComponent<StatCards> cut, string label) =>
        cut.Find($"[data-stat='{label}'] .stat-detail").TextContent.Trim();
}
