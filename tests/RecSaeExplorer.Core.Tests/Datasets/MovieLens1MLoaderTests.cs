using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Core.Tests.Datasets;

/// <summary>
/// Loads the read-only ML-1M copy in ../shared/data/ml-1m. ML-1M is never committed: where that copy is
/// absent these tests are reported as skipped.
/// </summary>
public sealed class MovieLens1MLoaderTests
{
    private static readonly Lazy<Dataset> Shared = new(() => new MovieLens1MLoader().Load(TestPaths.SharedMl1m!));

    [Ml1mFact]
    public void Counts_match_the_README()
    {
        var data = Shared.Value;
        Assert.Equal(6_040, data.Users.Count);
        Assert.Equal(3_706, data.Items.Count);
        Assert.Equal(3_883, data.ListedItemCount);
        Assert.Equal(1_000_209, data.Interactions.Count);
        Assert.Equal(18, data.FacetNames.Count);
    }

    [Ml1mFact]
    public void User_1_is_a_woman_under_18()
    {
        var data = Shared.Value;
        Assert.Equal(new UserInfo(0, 1, "F", "Under 18", "K-12 student"), data.Users[0]);
        Assert.Equal(new UserInfo(1, 2, "M", "56+", "self-employed"), data.Users[1]);
    }

    [Ml1mFact]
    public void American_Beauty_is_the_most_popular_movie()
    {
        var data = Shared.Value;
        var top = data.Items.MaxBy(i => i.Popularity)!;
        Assert.Equal((2858, "American Beauty", 1999, 3_428), (top.Id, top.Title, top.Year, top.Popularity));
    }

    [Ml1mFact]
    public void Toy_Story_and_known_rating_lines()
    {
        var data = Shared.Value;
        var toyStory = data.Items[0];
        Assert.Equal((1, "Toy Story", 1995), (toyStory.Id, toyStory.Title, toyStory.Year));
        Assert.Equal(["Animation", "Children's", "Comedy"], toyStory.Facets.Select(f => data.FacetNames[f]));
        int Item(int id) => data.Items.Single(i => i.Id == id).Index;
        foreach (int movie in new[] { 1193, 661, 914, 3408, 2355 }) Assert.True(data.Interactions.Contains(0, Item(movie)));
        foreach (int movie in new[] { 1091, 1094, 562 }) Assert.True(data.Interactions.Contains(6_039, Item(movie)));
    }

    [Ml1mFact]
    public void Latin1_titles_decode_and_the_yearless_spacing_quirk_parses()
    {
        var data = Shared.Value;
        Assert.Contains(data.Items, i => i.Title.Contains('é'));
        var associate = data.Items.SingleOrDefault(i => i.Id == 1001);
        if (associate is not null) Assert.Equal(1982, associate.Year); // only when someone rated it
        Assert.All(data.Items, i => Assert.NotNull(i.Year));
    }

    [Ml1mFact]
    public void Decades_bin_everything_before_1970_together()
    {
        var data = Shared.Value;
        Assert.Equal(["1970s", "1980s", "1990s", "2000s", "pre-1970"], data.Items.Select(i => i.Decade!).Distinct().Order(StringComparer.Ordinal));
    }
}
