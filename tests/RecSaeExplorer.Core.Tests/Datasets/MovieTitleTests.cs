using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Core.Tests.Datasets;

public sealed class MovieTitleTests
{
    [Theory]
    [InlineData("Toy Story (1995)", "Toy Story", 1995)]
    [InlineData("American President, The (1995)", "American President, The", 1995)]
    [InlineData("Associate, The (L'Associe)(1982)", "Associate, The (L'Associe)", 1982)]
    [InlineData("Runaway Brain (1995) ", "Runaway Brain", 1995)]
    [InlineData("Death Note: Desu nôto (2006–2007)", "Death Note: Desu nôto", 2006)]
    [InlineData("Babylon 5", "Babylon 5", null)]
    [InlineData("Assembly (Ji jie hao) (2007) ", "Assembly (Ji jie hao)", 2007)]
    [InlineData("Fail-Safe (TV)", "Fail-Safe (TV)", null)]
    [InlineData("(2000)", "(2000)", null)]
    public void Splits_title_and_year(string raw, string title, int? year) =>
        Assert.Equal((title, year), MovieTitle.Parse(raw));
}
