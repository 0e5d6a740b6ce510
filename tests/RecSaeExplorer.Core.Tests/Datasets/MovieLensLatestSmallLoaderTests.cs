using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Core.Tests.Datasets;

/// <summary>Loads the shipped ml-latest-small and checks it against data/README.md.</summary>
public sealed class MovieLensLatestSmallLoaderTests
{
    private static readonly Lazy<Dataset> Shipped = new(() => new MovieLensLatestSmallLoader().Load(TestPaths.MovieLensSmall));

    [Fact]
    public void Shipped_copy_has_the_documented_counts()
    {
        var data = Shipped.Value;
        Assert.Equal("ml-latest-small", data.Name);
        Assert.Equal(610, data.Users.Count);
        Assert.Equal(9_724, data.Items.Count);
        Assert.Equal(9_742, data.ListedItemCount);
        Assert.Equal(100_836, data.Interactions.Count);
    }

    [Fact]
    public void Toy_Story_is_the_first_movie_with_its_year_and_genres()
    {
        var data = Shipped.Value;
        var toyStory = data.Items[0];
        Assert.Equal((0, 1, "Toy Story", 1995, "1990s"), (toyStory.Index, toyStory.Id, toyStory.Title, toyStory.Year, toyStory.Decade));
        Assert.Equal(["Adventure", "Animation", "Children's", "Comedy", "Fantasy"], toyStory.Facets.Select(f => data.FacetNames[f]));
    }

    [Fact]
    public void Genres_share_ML_1M_names_and_add_IMAX_only()
    {
        var names = Shipped.Value.FacetNames;
        Assert.Equal([.. MovieGenres.Canonical, "IMAX"], names);
        Assert.DoesNotContain("Children", names);
        Assert.DoesNotContain(MovieGenres.NoGenres, names);
    }

    [Fact]
    public void Users_and_items_are_dense_and_ordered_by_id_with_popularity_as_user_count()
    {
        var data = Shipped.Value;
        Assert.Equal(Enumerable.Range(1, 610), data.Users.Select(u => u.Id));
        Assert.All(data.Users, (u, i) => Assert.Equal(i, u.Index));
        Assert.True(data.Items.Select(i => i.Id).SequenceEqual(data.Items.Select(i => i.Id).Order()));
        Assert.All(data.Items, (item, i) => Assert.Equal(i, item.Index));
        Assert.Equal(data.Interactions.ItemDegrees(), data.Items.Select(i => i.Popularity));
        Assert.All(data.Items, item => Assert.True(item.Popularity >= 1));
    }

    [Fact]
    public void First_and_last_rating_lines_are_interactions()
    {
        var data = Shipped.Value;
        int toyStory = data.Items.Single(i => i.Id == 1).Index;
        int last = data.Items.Single(i => i.Id == 170875).Index;
        Assert.True(data.Interactions.Contains(0, toyStory));
        Assert.True(data.Interactions.Contains(609, last));
    }

    [Fact]
    public void Loading_twice_gives_the_same_fingerprint()
    {
        var again = new MovieLensLatestSmallLoader().Load(TestPaths.MovieLensSmall);
        Assert.Equal(Shipped.Value.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public void A_cancelled_token_stops_the_load()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new MovieLensLatestSmallLoader().Load(TestPaths.MovieLensSmall, cancelled.Token));
    }
}
