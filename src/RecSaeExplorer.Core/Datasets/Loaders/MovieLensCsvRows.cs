using CsvHelper;

namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>A row of ml-latest-small's movies.csv (movieId,title,genres).</summary>
[CsvRecord]
internal sealed partial record MovieCsvRow(int MovieId, string Title, string Genres)
{
    public static readonly string[] Header = ["movieId", "title", "genres"];
}

/// <summary>A row of ml-latest-small's ratings.csv (userId,movieId,rating,timestamp).</summary>
[CsvRecord]
internal sealed partial record RatingCsvRow(int UserId, int MovieId, double Rating, long Timestamp)
{
    public static readonly string[] Header = ["userId", "movieId", "rating", "timestamp"];
}
