using System.Text;
using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Core.Tests.Datasets;

/// <summary>Bad ml-latest-small CSV input: CsvHelper's complaints come back as DatasetFormatException too.</summary>
public sealed class MovieLensLatestSmallBadInputTests
{
    private static readonly Func<string, Core.Datasets.Dataset> Load = folder => new MovieLensLatestSmallLoader().Load(folder);

    [Fact]
    public void The_small_valid_folder_loads_with_quoted_titles_and_genre_mapping()
    {
        using var files = DatasetFiles.Small();
        var data = Load(files.Folder);
        Assert.Equal((2, 4, 4), (data.Users.Count, data.Items.Count, data.Interactions.Count));
        Assert.Equal([1, 7], data.Users.Select(u => u.Id));
        Assert.Equal(("City of Lost Children, The (Cité des enfants perdus, La)", 1995), (data.Items[1].Title, data.Items[1].Year));
        Assert.Equal(("Babylon 5", null, null), (data.Items[2].Title, data.Items[2].Year, data.Items[2].Decade));
        Assert.Empty(data.Items[2].Facets);
        Assert.Equal(["IMAX"], data.Items[3].Facets.Select(f => data.FacetNames[f]));
    }

    [Fact]
    public void Missing_ratings_file()
    {
        using var files = DatasetFiles.Small();
        files.Delete("ratings.csv");
        files.AssertFails(Load, "ratings.csv", 0, "(file)");
    }

    [Fact]
    public void Empty_movies_file()
    {
        using var files = DatasetFiles.Small(movies: "");
        files.AssertFails(Load, "movies.csv", 0, "(file)");
    }

    [Fact]
    public void Header_only_ratings_file()
    {
        using var files = DatasetFiles.Small(ratings: "userId,movieId,rating,timestamp\r\n");
        files.AssertFails(Load, "ratings.csv", 0, "(file)");
    }

    [Fact]
    public void Wrong_header()
    {
        using var files = DatasetFiles.Small(ratings: "user,movie,rating,timestamp\r\n1,1,4.0,964982703\r\n");
        files.AssertFails(Load, "ratings.csv", 1, "(header)");
    }

    [Fact]
    public void Wrong_separator()
    {
        using var files = DatasetFiles.Small(ratings: DatasetFiles.SmallRatings.Replace(',', ';'));
        var e = files.AssertFails(Load, "ratings.csv", 1, "(header)");
        Assert.Contains("userId;movieId", e.Found);
    }

    [Fact]
    public void Line_with_too_many_fields()
    {
        using var files = DatasetFiles.Small(ratings: "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,2,4.0,964982703,extra\r\n");
        var e = files.AssertFails(Load, "ratings.csv", 3, "(line)");
        Assert.Contains("4 comma-separated fields", e.Expected);
    }

    [Fact]
    public void Non_numeric_user_id()
    {
        using var files = DatasetFiles.Small(ratings: "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\nabc,2,4.0,964982703\r\n");
        files.AssertFails(Load, "ratings.csv", 3, "userId");
    }

    [Fact]
    public void Rating_above_five_stars()
    {
        using var files = DatasetFiles.Small(ratings: "userId,movieId,rating,timestamp\r\n1,1,5.5,964982703\r\n");
        files.AssertFails(Load, "ratings.csv", 2, "rating");
    }

    [Fact]
    public void Rating_between_half_stars()
    {
        using var files = DatasetFiles.Small(ratings: "userId,movieId,rating,timestamp\r\n1,1,3.3,964982703\r\n");
        files.AssertFails(Load, "ratings.csv", 2, "rating");
    }

    [Fact]
    public void Rating_of_an_unknown_movie()
    {
        using var files = DatasetFiles.Small(ratings: "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,99,4.0,964982703\r\n");
        files.AssertFails(Load, "ratings.csv", 3, "movieId");
    }

    [Fact]
    public void Duplicated_rating()
    {
        using var files = DatasetFiles.Small(ratings: DatasetFiles.SmallRatings + "1,1,2.0,964982800\r\n");
        files.AssertFails(Load, "ratings.csv", 6, "userId+movieId");
    }

    [Fact]
    public void Duplicated_movie_id()
    {
        using var files = DatasetFiles.Small(movies: DatasetFiles.SmallMovies + "2,Again (1990),Drama\r\n");
        files.AssertFails(Load, "movies.csv", 6, "movieId");
    }

    [Fact]
    public void Unterminated_quote()
    {
        using var files = DatasetFiles.Small(movies: "movieId,title,genres\r\n1,\"Toy Story (1995),Comedy\r\n");
        files.AssertFails(Load, "movies.csv", 2, "(line)");
    }

    [Fact]
    public void Invalid_UTF8_in_movies()
    {
        using var files = DatasetFiles.Small();
        byte[] movies = Encoding.UTF8.GetBytes(DatasetFiles.SmallMovies);
        movies[Array.IndexOf(movies, (byte)'T')] = 0xC3; // a lead byte with no continuation
        files.WriteBytes("movies.csv", movies);
        files.AssertFails(Load, "movies.csv", 2, "(encoding)");
    }

    [Fact]
    public void Latin1_movies_file_is_not_UTF8()
    {
        using var files = DatasetFiles.Small();
        files.Write("movies.csv", DatasetFiles.SmallMovies, Encoding.Latin1);
        files.AssertFails(Load, "movies.csv", 3, "(encoding)");
    }

    [Fact]
    public void Non_ASCII_in_ratings()
    {
        using var files = DatasetFiles.Small(ratings: "userId,movieId,rating,timestamp\r\n1,1,4.0,96498270³\r\n");
        files.AssertFails(Load, "ratings.csv", 2, "(encoding)");
    }
}
