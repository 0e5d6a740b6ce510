using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Core.Tests.Datasets;

public class AgeBandsTests
{
    [Fact]
    public void Bands_sort_by_age_not_by_text()
    {
        string[] youngestFirst = ["Under 18", "18-24", "25-34", "35-44", "45-49", "50-55", "56+"];
        string[] shuffled = ["56+", "25-34", "Under 18", "50-55", "18-24", "45-49", "35-44"];
        Assert.Equal(youngestFirst, shuffled.OrderBy(AgeBands.SortKey));
        Assert.NotEqual(youngestFirst, shuffled.Order(StringComparer.Ordinal)); // text order puts "Under 18" last
    }
}
