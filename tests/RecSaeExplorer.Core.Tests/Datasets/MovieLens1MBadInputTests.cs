using System.Text;
using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Core.Tests.Datasets;

/// <summary>Every kind of bad ML-1M input fails with file, line and field; nothing half-loaded comes back.</summary>
public sealed class MovieLens1MBadInputTests
{
    private static readonly Func<string, Core.Datasets.Dataset> Load = folder => new MovieLens1MLoader().Load(folder);

    [Fact]
    public void The_small_valid_folder_loads()
    {
        using var files = DatasetFiles.Ml1m();
        var data = Load(files.Folder);
        Assert.Equal((2, 3, 4, 4), (data.Users.Count, data.Items.Count, data.ListedItemCount, data.Interactions.Count));
        Assert.Equal("Café Society", data.Items[2].Title);
        Assert.Equal("pre-1970", data.Items[2].Decade);
        Assert.Equal([2, 1, 1], data.Items.Select(i => i.Popularity));
    }

    [Fact]
    public void Ratings_dat_with_timestamps_is_accepted()
    {
        using var files = DatasetFiles.Ml1m(ratings: "1::1::5::978300760\n2::3::4::978302109\n", ratingsFile: "ratings.dat");
        Assert.Equal(2, Load(files.Folder).Interactions.Count);
    }

    [Fact]
    public void CRLF_line_endings_are_accepted()
    {
        using var files = DatasetFiles.Ml1m(ratings: DatasetFiles.Ml1mRatings.Replace("\n", "\r\n"));
        Assert.Equal(4, Load(files.Folder).Interactions.Count);
    }

    [Fact]
    public void A_cancelled_token_stops_the_load()
    {
        using var files = DatasetFiles.Ml1m();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new MovieLens1MLoader().Load(files.Folder, cancelled.Token));
    }

    [Fact]
    public void Missing_users_file()
    {
        using var files = DatasetFiles.Ml1m();
        files.Delete("users.dat");
        files.AssertFails(Load, "users.dat", 0, "(file)");
    }

    [Fact]
    public void Missing_ratings_file_names_ratings_dat()
    {
        using var files = DatasetFiles.Ml1m();
        files.Delete("ratings_without_timestamps.dat");
        files.AssertFails(Load, "ratings.dat", 0, "(file)");
    }

    [Fact]
    public void Empty_movies_file()
    {
        using var files = DatasetFiles.Ml1m(movies: "");
        files.AssertFails(Load, "movies.dat", 0, "(file)");
    }

    [Fact]
    public void Line_with_too_few_fields()
    {
        using var files = DatasetFiles.Ml1m(ratings: "1::1::5\n1::2\n");
        var e = files.AssertFails(Load, "ratings_without_timestamps.dat", 2, "(line)");
        Assert.Contains("3 fields", e.Expected);
    }

    [Fact]
    public void Timestamped_line_in_the_file_without_timestamps()
    {
        using var files = DatasetFiles.Ml1m(ratings: "1::1::5::978300760\n");
        files.AssertFails(Load, "ratings_without_timestamps.dat", 1, "(line)");
    }

    [Fact]
    public void Wrong_separator()
    {
        using var files = DatasetFiles.Ml1m(ratings: "1,1,5\n");
        var e = files.AssertFails(Load, "ratings_without_timestamps.dat", 1, "(line)");
        Assert.Contains("'::'", e.Message);
    }

    [Fact]
    public void Non_numeric_user_id()
    {
        using var files = DatasetFiles.Ml1m(ratings: "1::1::5\nx1::2::3\n");
        var e = files.AssertFails(Load, "ratings_without_timestamps.dat", 2, "UserID");
        Assert.Equal("x1", e.Found);
    }

    [Fact]
    public void Rating_out_of_range()
    {
        using var files = DatasetFiles.Ml1m(ratings: "1::1::6\n");
        files.AssertFails(Load, "ratings_without_timestamps.dat", 1, "Rating");
    }

    [Fact]
    public void Rating_of_an_unknown_movie()
    {
        using var files = DatasetFiles.Ml1m(ratings: "1::1::5\n1::99::5\n");
        files.AssertFails(Load, "ratings_without_timestamps.dat", 2, "MovieID");
    }

    [Fact]
    public void Rating_by_an_unknown_user()
    {
        using var files = DatasetFiles.Ml1m(ratings: "1::1::5\n3::1::5\n");
        files.AssertFails(Load, "ratings_without_timestamps.dat", 2, "UserID");
    }

    [Fact]
    public void Duplicated_rating_names_the_later_line()
    {
        using var files = DatasetFiles.Ml1m(ratings: "1::1::5\n2::1::5\n1::1::3\n");
        var e = files.AssertFails(Load, "ratings_without_timestamps.dat", 3, "UserID+MovieID");
        Assert.Contains("line 1", e.Found);
    }

    [Fact]
    public void Duplicated_movie_id()
    {
        using var files = DatasetFiles.Ml1m(movies: DatasetFiles.Ml1mMovies + "2::Again (1990)::Drama\n");
        files.AssertFails(Load, "movies.dat", 5, "MovieID");
    }

    [Fact]
    public void Duplicated_user_id()
    {
        using var files = DatasetFiles.Ml1m(users: DatasetFiles.Ml1mUsers + "1::M::25::3::12345\n");
        files.AssertFails(Load, "users.dat", 3, "UserID");
    }

    [Fact]
    public void Unknown_gender()
    {
        using var files = DatasetFiles.Ml1m(users: "1::X::1::10::48067\n");
        files.AssertFails(Load, "users.dat", 1, "Gender");
    }

    [Fact]
    public void Unknown_age_code()
    {
        using var files = DatasetFiles.Ml1m(users: "1::F::2::10::48067\n");
        files.AssertFails(Load, "users.dat", 1, "Age");
    }

    [Fact]
    public void Occupation_code_out_of_range()
    {
        using var files = DatasetFiles.Ml1m(users: "1::F::1::21::48067\n");
        files.AssertFails(Load, "users.dat", 1, "Occupation");
    }

    [Fact]
    public void Empty_genre_in_a_genre_list()
    {
        using var files = DatasetFiles.Ml1m(movies: "1::Toy Story (1995)::Animation||Comedy\n");
        files.AssertFails(Load, "movies.dat", 1, "Genres");
    }

    [Fact]
    public void Non_ASCII_byte_in_the_ASCII_users_file()
    {
        using var files = DatasetFiles.Ml1m();
        files.Write("users.dat", "1::F::1::10::48067\n2::M::56::16::7007é\n", Encoding.UTF8);
        var e = files.AssertFails(Load, "users.dat", 2, "(encoding)");
        Assert.Contains("ASCII", e.Expected);
    }

    [Fact]
    public void Control_byte_that_is_not_ISO_8859_1_text_in_movies()
    {
        using var files = DatasetFiles.Ml1m();
        byte[] movies = Encoding.Latin1.GetBytes(DatasetFiles.Ml1mMovies);
        movies[Array.IndexOf(movies, (byte)'J')] = 0x81; // a C1 control code: Windows-1252 or broken bytes
        files.WriteBytes("movies.dat", movies);
        files.AssertFails(Load, "movies.dat", 2, "(encoding)");
    }
}
