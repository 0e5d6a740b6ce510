using System.Text;
using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Core.Tests.Datasets;

/// <summary>Writes small dataset folders, valid unless a test swaps one file for a broken one.</summary>
internal sealed class DatasetFiles : IDisposable
{
    public const string Ml1mMovies = "1::Toy Story (1995)::Animation|Children's|Comedy\n2::Jumanji (1995)::Adventure|Children's|Fantasy\n3::Café Society (1950)::Drama\n4::Nobody Rated (2000)::Drama\n";
    public const string Ml1mUsers = "1::F::1::10::48067\n2::M::56::16::70072\n";
    public const string Ml1mRatings = "1::1::5\n1::2::3\n2::3::4\n2::1::1\n";

    public const string SmallMovies = "movieId,title,genres\r\n1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\r\n2,\"City of Lost Children, The (Cité des enfants perdus, La) (1995)\",Drama|Mystery\r\n3,Babylon 5,(no genres listed)\r\n4,IMAX Thing (2010),IMAX\r\n";
    public const string SmallRatings = "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,2,0.5,964981247\r\n7,3,5.0,964982224\r\n7,4,3.5,964982224\r\n";

    public const string LastFmArtists = "id\tname\turl\tpictureURL\n1\tBob Dylan\thttp://a\thttp://b\n2\tSigur Rós\thttp://a\t\n3\tNobody\thttp://a\t\n";
    public const string LastFmListens = "userID\tartistID\tweight\r\n2\t1\t100\r\n2\t2\t50\r\n3\t1\t7\r\n";
    public const string LastFmTags = "tagID\ttagValue\r\n1\tFolk\r\n2\tseen live\r\n3\tpost-rock\r\n4\tcafé\r\n";
    public const string LastFmTaggings = "userID\tartistID\ttagID\tday\tmonth\tyear\r\n2\t1\t1\t1\t4\t2009\r\n3\t1\t2\t1\t4\t2009\r\n2\t2\t3\t1\t4\t2009\r\n2\t99\t3\t1\t4\t2009\r\n";

    public string Folder { get; } = TestPaths.NewTempFolder();

    public static DatasetFiles Ml1m(string? movies = null, string? users = null, string? ratings = null, string ratingsFile = "ratings_without_timestamps.dat")
    {
        var files = new DatasetFiles();
        files.Write("movies.dat", movies ?? Ml1mMovies, Encoding.Latin1);
        files.Write("users.dat", users ?? Ml1mUsers);
        files.Write(ratingsFile, ratings ?? Ml1mRatings);
        return files;
    }

    public static DatasetFiles Small(string? movies = null, string? ratings = null)
    {
        var files = new DatasetFiles();
        files.Write("movies.csv", movies ?? SmallMovies);
        files.Write("ratings.csv", ratings ?? SmallRatings);
        return files;
    }

    public static DatasetFiles LastFm(string? artists = null, string? listens = null, string? tags = null, string? taggings = null)
    {
        var files = new DatasetFiles();
        files.Write("artists.dat", artists ?? LastFmArtists);
        files.Write("user_artists.dat", listens ?? LastFmListens);
        files.Write("tags.dat", tags ?? LastFmTags, Encoding.Latin1);
        files.Write("user_taggedartists.dat", taggings ?? LastFmTaggings);
        return files;
    }

    public string PathOf(string name) => System.IO.Path.Combine(Folder, name);

    public void Write(string name, string text, Encoding? encoding = null) =>
        File.WriteAllBytes(PathOf(name), (encoding ?? new UTF8Encoding(false)).GetBytes(text));

    public void WriteBytes(string name, byte[] bytes) => File.WriteAllBytes(PathOf(name), bytes);

    public void Delete(string name) => File.Delete(PathOf(name));

    /// <summary>Asserts that <paramref name="load"/> fails with a <see cref="DatasetFormatException"/> at (file, line, field).</summary>
    public DatasetFormatException AssertFails(Func<string, Dataset> load, string file, int line, string field)
    {
        var e = Assert.Throws<DatasetFormatException>(() => load(Folder));
        Assert.Equal((PathOf(file), line, field), (e.File, e.Line, e.Field));
        Assert.Contains(file, e.Message);
        Assert.False(string.IsNullOrWhiteSpace(e.Expected));
        return e;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { } // a leftover temp folder is harmless
    }
}
