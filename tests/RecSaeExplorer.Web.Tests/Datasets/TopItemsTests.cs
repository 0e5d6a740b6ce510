using Bunit;
using RecSaeExplorer.Web.Components.Datasets;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Datasets;

public class TopItemsTests
{
    [Fact]
    public async Task Rows_are_items_by_descending_popularity_with_their_facets()
    {
        await using var ctx = ExplorerTestContext.Create();

        var cut = ctx.Render<TopItems>(p => p.Add(c => c.Dataset, HandMadeDataset.Create()).Add(c => c.Count, 3));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        // A and D both have 2 users: the tie keeps catalogue order.
        Assert.Equal(["A", "D", "B"], rows.Select(r => r.Children[1].TextContent.Trim()));
        Assert.Equal(["2", "2", "1"], rows.Select(r => r.Children[4].TextContent.Trim()));
        Assert.Equal(["Action", "Drama"], rows[0].QuerySelectorAll(".mud-chip").Select(c => c.TextContent.Trim()));
    }
}
