namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// GroupLens ml-latest-small (September 2018): movies.csv (UTF-8) and ratings.csv (ASCII), CSV with a
/// header, read through CsvHelper. Every rating (0.5..5.0 stars) is a positive. Expected: 610 users,
/// 9,724 rated movies of 9,742 listed, 100,836 interactions. Genres use ML-1M's names
/// ("Children" becomes "Children's") so both MovieLens sets share facets.
/// </summary>
public sealed class MovieLensLatestSmallLoader : IDatasetLoader
{
    public const string DatasetName = "ml-latest-small";
    public const string MoviesFile = "movies.csv";
    public const string RatingsFile = "ratings.csv";

    private static readonly Dictionary<string, string> MovieExpectations = new()
    {
        ["movieId"] = "a non-negative integer id", ["title"] = "a title", ["genres"] = "'|'-separated genre names",
    };

    private static readonly Dictionary<string, string> RatingExpectations = new()
    {
        ["userId"] = "a non-negative integer id", ["movieId"] = "a non-negative integer id",
        ["rating"] = "a rating 0.5..5.0 in half stars", ["timestamp"] = "a Unix timestamp (seconds)",
    };

    public string Name => DatasetName;

    public string Description => "MovieLens latest-small (GroupLens, 2018): 610 users, 9,724 movies, 100,836 ratings; genres.";

    public bool IsPresent(string folder) =>
        File.Exists(Path.Combine(folder, MoviesFile)) && File.Exists(Path.Combine(folder, RatingsFile));

    public Dataset Load(string folder, CancellationToken cancellationToken = default)
    {
        var (movies, genres) = ReadMovies(Path.Combine(folder, MoviesFile), cancellationToken);
        var ratings = ReadRatings(Path.Combine(folder, RatingsFile), movies, cancellationToken);
        var rows = UserRows.Group(ratings, "userId+movieId");
        cancellationToken.ThrowIfCancellationRequested();
        return DatasetAssembly.Build(DatasetName, "genre", genres, movies.Items, rows, (index, id) => new UserInfo(index, id));
    }

    private static (Catalogue, IReadOnlyList<string>) ReadMovies(string path, CancellationToken cancellationToken)
    {
        byte[] bytes = DataFile.ReadAll(path, FileEncoding.Utf8, cancellationToken);
        var catalogue = new Catalogue(path, "movieId");
        var genres = new MovieGenres();
        CsvFile.ForEach<MovieCsvRow>(path, bytes, MovieCsvRow.Header, MovieExpectations, (row, line) =>
        {
            if (row.MovieId < 0) throw new DatasetFormatException(path, line, "movieId", MovieExpectations["movieId"], row.MovieId.ToString());
            var (title, year) = MovieTitle.Parse(row.Title);
            if (title.Length == 0) throw new DatasetFormatException(path, line, "title", "a non-empty title", row.Title);
            int[] facets = genres.Parse(row.Genres) ?? throw new DatasetFormatException(path, line, "genres", MovieExpectations["genres"], row.Genres);
            catalogue.Add(new CatalogueItem(row.MovieId, title, year, facets), line);
        }, cancellationToken);
        _ = catalogue.Items; // completes it: duplicate ids fail here
        return (catalogue, genres.Names);
    }

    private static InteractionList ReadRatings(string path, Catalogue movies, CancellationToken cancellationToken)
    {
        byte[] bytes = DataFile.ReadAll(path, FileEncoding.Ascii, cancellationToken);
        var ratings = new InteractionList(path, bytes.Length / 20);
        CsvFile.ForEach<RatingCsvRow>(path, bytes, RatingCsvRow.Header, RatingExpectations, (row, line) =>
        {
            if (row.UserId < 0) throw Error(path, line, "userId", row.UserId);
            int movie = row.MovieId < 0 ? -1 : movies.PositionOf(row.MovieId);
            if (movie < 0) throw new DatasetFormatException(path, line, "movieId", $"a movieId listed in {MoviesFile}", row.MovieId.ToString());
            if (!IsHalfStar(row.Rating)) throw Error(path, line, "rating", row.Rating);
            if (row.Timestamp < 0) throw Error(path, line, "timestamp", row.Timestamp);
            ratings.Add(row.UserId, movie, line);
        }, cancellationToken);
        if (ratings.Count == 0) throw new DatasetFormatException(path, 0, "(file)", "at least one rating");
        return ratings;
    }

    private static bool IsHalfStar(double rating) => rating is >= 0.5 and <= 5.0 && Math.Abs(rating * 2 - Math.Round(rating * 2)) < 1e-9;

    private static DatasetFormatException Error(string path, int line, string column, IFormattable value) =>
        new(path, line, column, RatingExpectations[column], value.ToString(null, System.Globalization.CultureInfo.InvariantCulture));
}
