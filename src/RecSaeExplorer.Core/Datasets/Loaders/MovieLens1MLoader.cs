namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// GroupLens MovieLens 1M: '::'-separated movies.dat (ISO-8859-1), users.dat (ASCII) and either the
/// original ratings.dat (UserID::MovieID::Rating::Timestamp) or the derived
/// ratings_without_timestamps.dat (UserID::MovieID::Rating). Every rating is a positive. Expected:
/// 6,040 users, 3,706 rated movies of 3,883 listed, 1,000,209 interactions.
/// </summary>
/// <remarks>
/// The ratings file is parsed over a byte buffer without per-line allocations; the whole load takes a
/// few hundred milliseconds.
/// </remarks>
public sealed class MovieLens1MLoader : IDatasetLoader
{
    public const string DatasetName = "ml-1m";
    public const string MoviesFile = "movies.dat";
    public const string UsersFile = "users.dat";
    public const string RatingsFile = "ratings.dat";
    public const string RatingsWithoutTimestampsFile = "ratings_without_timestamps.dat";

    private static ReadOnlySpan<byte> Separator => "::"u8;

    public string Name => DatasetName;

    public string Description => "MovieLens 1M (GroupLens): 6,040 users, 3,706 movies, 1,000,209 ratings; genres and demographics.";

    public bool IsPresent(string folder) =>
        File.Exists(Path.Combine(folder, MoviesFile)) && File.Exists(Path.Combine(folder, UsersFile)) && FindRatings(folder) is not null;

    /// <summary>The ratings file in <paramref name="folder"/>: ratings.dat when present, else the derived one.</summary>
    public static string? FindRatings(string folder) =>
        new[] { RatingsFile, RatingsWithoutTimestampsFile }.Select(f => Path.Combine(folder, f)).FirstOrDefault(File.Exists);

    public Dataset Load(string folder, CancellationToken cancellationToken = default)
    {
        var movies = ReadMovies(Path.Combine(folder, MoviesFile), cancellationToken, out var genres);
        var users = ReadUsers(Path.Combine(folder, UsersFile), cancellationToken);
        string ratingsPath = FindRatings(folder) ?? Path.Combine(folder, RatingsFile);
        var ratings = ReadRatings(ratingsPath, movies, users, cancellationToken);
        var rows = UserRows.Group(ratings, "UserID+MovieID");
        cancellationToken.ThrowIfCancellationRequested();
        return DatasetAssembly.Build(DatasetName, "genre", genres, movies.Items, rows, (index, id) => users[id] with { Index = index });
    }

    private static Catalogue ReadMovies(string path, CancellationToken cancellationToken, out IReadOnlyList<string> genreNames)
    {
        byte[] bytes = DataFile.ReadAll(path, FileEncoding.Latin1, cancellationToken);
        var reader = new DelimitedReader(path, bytes, FileEncoding.Latin1, Separator, ["MovieID", "Title", "Genres"], cancellationToken);
        var catalogue = new Catalogue(path, "MovieID");
        var genres = new MovieGenres();
        while (reader.Read())
        {
            int id = reader.Id(0);
            var (title, year) = MovieTitle.Parse(reader.Text(1));
            if (title.Length == 0) throw reader.Error(1, "a non-empty title");
            int[] facets = genres.Parse(reader.Text(2)) ?? throw reader.Error(2, "'|'-separated genre names");
            catalogue.Add(new CatalogueItem(id, title, year, facets), reader.Line);
        }
        genreNames = genres.Names;
        _ = catalogue.Items; // completes it: duplicate ids fail here, before the ratings are read
        return catalogue;
    }

    private static Dictionary<int, UserInfo> ReadUsers(string path, CancellationToken cancellationToken)
    {
        byte[] bytes = DataFile.ReadAll(path, FileEncoding.Ascii, cancellationToken);
        var reader = new DelimitedReader(path, bytes, FileEncoding.Ascii, Separator, ["UserID", "Gender", "Age", "Occupation", "Zip-code"], cancellationToken);
        var users = new Dictionary<int, UserInfo>();
        var lines = new Dictionary<int, int>();
        while (reader.Read())
        {
            int id = reader.Id(0);
            string gender = reader[1].SequenceEqual("M"u8) ? "M" : reader[1].SequenceEqual("F"u8) ? "F" : throw reader.Error(1, "M or F");
            int ageCode = reader.Int(2, MovieLens1MUsers.AgeCodes);
            string age = MovieLens1MUsers.AgeBands.TryGetValue(ageCode, out var band) ? band : throw reader.Error(2, MovieLens1MUsers.AgeCodes);
            int occupation = reader.Int(3, MovieLens1MUsers.OccupationCodes);
            if (occupation >= MovieLens1MUsers.Occupations.Count) throw reader.Error(3, MovieLens1MUsers.OccupationCodes);
            if (!lines.TryAdd(id, reader.Line)) throw reader.Error(0, $"a unique user id (it is already on line {lines[id]})");
            users.Add(id, new UserInfo(0, id, gender, age, MovieLens1MUsers.Occupations[occupation]));
        }
        if (users.Count == 0) throw new DatasetFormatException(path, 0, "(file)", "at least one user");
        return users;
    }

    private static InteractionList ReadRatings(string path, Catalogue movies, Dictionary<int, UserInfo> users, CancellationToken cancellationToken)
    {
        byte[] bytes = DataFile.ReadAll(path, FileEncoding.Ascii, cancellationToken);
        string[] fields = Path.GetFileName(path) == RatingsWithoutTimestampsFile
            ? ["UserID", "MovieID", "Rating"]
            : ["UserID", "MovieID", "Rating", "Timestamp"];
        var reader = new DelimitedReader(path, bytes, FileEncoding.Ascii, Separator, fields, cancellationToken);
        var ratings = new InteractionList(path, bytes.Length / 12); // lines are 8-24 bytes
        int lastUser = -1;
        while (reader.Read())
        {
            int user = reader.Id(0);
            if (user != lastUser && !users.ContainsKey(user)) throw reader.Error(0, $"a UserID listed in {UsersFile}");
            lastUser = user;
            int movie = movies.PositionOf(reader.Id(1));
            if (movie < 0) throw reader.Error(1, $"a MovieID listed in {MoviesFile}");
            int rating = reader.Int(2, "a whole-star rating 1..5");
            if (rating is < 1 or > 5) throw reader.Error(2, "a whole-star rating 1..5");
            if (fields.Length == 4) reader.Long(3, "a Unix timestamp (seconds)");
            ratings.Add(user, movie, reader.Line);
        }
        if (ratings.Count == 0) throw new DatasetFormatException(path, 0, "(file)", "at least one rating");
        return ratings;
    }
}
