using System.Text;

namespace RecSaeExplorer.Cli.Tests.Data;

/// <summary>
/// One broken dataset folder: valid files of <see cref="Dataset"/> with <see cref="File"/> replaced by
/// <see cref="Content"/> (null: deleted; <see cref="Folder"/>: a folder in its place), and where the
/// error must point (line 0: the file as a whole).
/// </summary>
public sealed record MalformedInputCase(string Dataset, string File, string? Content, int Line, string Field, string Name)
{
    public const string Folder = "<folder>";

    public override string ToString() => Name;

    private static readonly Encoding Utf8 = new UTF8Encoding(false); // before Valid: static fields initialize in order

    private static readonly Dictionary<string, (string File, string Text, Encoding Encoding)[]> Valid = new()
    {
        ["ml-latest-small"] =
        [
            ("movies.csv", "movieId,title,genres\r\n1,Toy Story (1995),Adventure|Animation\r\n2,\"City of Lost Children, The (1995)\",Drama\r\n3,Babylon 5,(no genres listed)\r\n", Utf8),
            ("ratings.csv", "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,2,0.5,964981247\r\n7,3,5.0,964982224\r\n", Utf8),
        ],
        ["ml-1m"] =
        [
            ("movies.dat", "1::Toy Story (1995)::Animation|Children's|Comedy\n2::Jumanji (1995)::Adventure|Children's|Fantasy\n3::Café Society (1950)::Drama\n", Encoding.Latin1),
            ("users.dat", "1::F::1::10::48067\n2::M::56::16::70072\n", Utf8),
            ("ratings.dat", "1::1::5::978300760\n1::2::3::978302109\n2::3::4::978301968\n", Utf8),
        ],
        ["lastfm"] =
        [
            ("artists.dat", "id\tname\turl\tpictureURL\n1\tBob Dylan\thttp://a\thttp://b\n2\tSigur Rós\thttp://a\t\n", Utf8),
            ("user_artists.dat", "userID\tartistID\tweight\r\n2\t1\t100\r\n2\t2\t50\r\n3\t1\t7\r\n", Utf8),
            ("tags.dat", "tagID\ttagValue\r\n1\tFolk\r\n2\tpost-rock\r\n", Encoding.Latin1),
            ("user_taggedartists.dat", "userID\tartistID\ttagID\tday\tmonth\tyear\r\n2\t1\t1\t1\t4\t2009\r\n2\t2\t2\t1\t4\t2009\r\n", Utf8),
        ],
    };

    /// <summary>Writes the folder: every valid file, then this case's change.</summary>
    public void WriteTo(string folder)
    {
        WriteValid(Dataset, folder);
        string path = Path.Combine(folder, File);
        if (Content is null) System.IO.File.Delete(path);
        else if (Content == Folder)
        {
            System.IO.File.Delete(path);
            Directory.CreateDirectory(path);
        }
        else System.IO.File.WriteAllBytes(path, Encoding.Latin1.GetBytes(Content)); // Latin-1 keeps bytes as written (\u00XX → one byte)
    }

    /// <summary>The valid files of <paramref name="dataset"/>, optionally each with a UTF-8 byte order mark.</summary>
    public static void WriteValid(string dataset, string folder, bool bom = false)
    {
        Directory.CreateDirectory(folder);
        foreach (var (file, text, encoding) in Valid[dataset])
            System.IO.File.WriteAllBytes(Path.Combine(folder, file), [.. bom ? "\uFEFF"u8.ToArray() : [], .. encoding.GetBytes(text)]);
    }

    public static IEnumerable<MalformedInputCase> All()
    {
        // ml-latest-small (CSV, UTF-8)
        const string S = "ml-latest-small", R = "userId,movieId,rating,timestamp\r\n", M = "movieId,title,genres\r\n";
        yield return new(S, "ratings.csv", null, 0, "(file)", "small: ratings missing");
        yield return new(S, "movies.csv", null, 0, "(file)", "small: movies missing");
        yield return new(S, "ratings.csv", Folder, 0, "(file)", "small: ratings is a folder");
        yield return new(S, "movies.csv", "", 0, "(file)", "small: movies empty");
        yield return new(S, "ratings.csv", "", 0, "(file)", "small: ratings empty");
        yield return new(S, "ratings.csv", R, 0, "(file)", "small: ratings header only");
        yield return new(S, "ratings.csv", "user,movie,rating,timestamp\r\n1,1,4.0,964982703\r\n", 1, "(header)", "small: wrong header");
        yield return new(S, "ratings.csv", "userId;movieId;rating;timestamp\r\n1;1;4.0;964982703\r\n", 1, "(header)", "small: semicolons");
        yield return new(S, "ratings.csv", R + "1,1,4.0,964982703\r\n1,2,4.0,964982703,extra\r\n", 3, "(line)", "small: too many fields");
        yield return new(S, "ratings.csv", R + "1,1,4.0\r\n", 2, "(line)", "small: too few fields");
        yield return new(S, "ratings.csv", R + "abc,1,4.0,964982703\r\n", 2, "userId", "small: non-numeric user");
        yield return new(S, "ratings.csv", R + "1,xyz,4.0,964982703\r\n", 2, "movieId", "small: non-numeric movie");
        yield return new(S, "ratings.csv", R + "1,1,5.5,964982703\r\n", 2, "rating", "small: rating above 5");
        yield return new(S, "ratings.csv", R + "1,1,-1,964982703\r\n", 2, "rating", "small: negative rating");
        yield return new(S, "ratings.csv", R + "1,1,four,964982703\r\n", 2, "rating", "small: rating not a number");
        yield return new(S, "ratings.csv", R + "1,1,4.0,yesterday\r\n", 2, "timestamp", "small: timestamp not a number");
        yield return new(S, "ratings.csv", R + "1,99,4.0,964982703\r\n", 2, "movieId", "small: unknown movie");
        yield return new(S, "ratings.csv", R + "1,1,4.0,964982703\r\n1,1,3.0,964982703\r\n", 3, "userId+movieId", "small: duplicate rating");
        yield return new(S, "movies.csv", M + "1,Toy Story (1995),Comedy\r\n1,Again (1996),Drama\r\n", 3, "movieId", "small: duplicate movie");
        yield return new(S, "movies.csv", M + "x,Toy Story (1995),Comedy\r\n", 2, "movieId", "small: non-numeric movie id");
        yield return new(S, "movies.csv", M + "1,\"Unclosed (1995),Comedy\r\n", 2, "(line)", "small: unclosed quote");
        yield return new(S, "movies.csv", M + "1,Caf\u00e9 (1995),Comedy\r\n", 2, "(encoding)", "small: Latin-1 byte in UTF-8 movies");
        yield return new(S, "ratings.csv", R + "1,1,4.0,964982703\r\n\u0080", 3, "(encoding)", "small: stray byte in ratings");
        yield return new(S, "ratings.csv", R + "1,1,NaN,964982703\r\n", 2, "rating", "small: NaN rating");
        yield return new(S, "ratings.csv", R + "-3,1,4.0,964982703\r\n", 2, "userId", "small: negative user");

        // ml-1m (:: separated; movies ISO-8859-1, users and ratings ASCII)
        const string L = "ml-1m";
        yield return new(L, "users.dat", null, 0, "(file)", "1m: users missing");
        yield return new(L, "movies.dat", null, 0, "(file)", "1m: movies missing");
        yield return new(L, "users.dat", Folder, 0, "(file)", "1m: users is a folder");
        yield return new(L, "movies.dat", "", 0, "(file)", "1m: movies empty");
        yield return new(L, "ratings.dat", "", 0, "(file)", "1m: ratings empty");
        yield return new(L, "ratings.dat", "1::1\n", 1, "(line)", "1m: too few fields");
        yield return new(L, "ratings.dat", "1,1,5,978300760\n", 1, "(line)", "1m: commas");
        yield return new(L, "ratings.dat", "x::1::5::978300760\n", 1, "UserID", "1m: non-numeric user");
        yield return new(L, "ratings.dat", "1::1::6::978300760\n", 1, "Rating", "1m: rating 6");
        yield return new(L, "ratings.dat", "1::1::0::978300760\n", 1, "Rating", "1m: rating 0");
        yield return new(L, "ratings.dat", "1::99::5::978300760\n", 1, "MovieID", "1m: unknown movie");
        yield return new(L, "ratings.dat", "9::1::5::978300760\n", 1, "UserID", "1m: unknown user");
        yield return new(L, "ratings.dat", "1::1::5::978300760\n1::1::4::978300761\n", 2, "UserID+MovieID", "1m: duplicate rating");
        yield return new(L, "ratings.dat", "1::1::5::x\n", 1, "Timestamp", "1m: timestamp not a number");
        yield return new(L, "movies.dat", "1::Toy Story (1995)::Comedy\n1::Again (1996)::Drama\n", 2, "MovieID", "1m: duplicate movie");
        yield return new(L, "movies.dat", "1::Toy Story (1995)::Comedy||Drama\n", 1, "Genres", "1m: empty genre");
        yield return new(L, "movies.dat", "1::Toy Story (1995)::Comedy\n2::Bad\u0001Byte (1995)::Drama\n", 2, "(encoding)", "1m: control byte in movies");
        yield return new(L, "users.dat", "1::F::1::10::48067\n1::M::56::16::70072\n", 2, "UserID", "1m: duplicate user");
        yield return new(L, "users.dat", "1::X::1::10::48067\n", 1, "Gender", "1m: unknown gender");
        yield return new(L, "users.dat", "1::F::2::10::48067\n", 1, "Age", "1m: unknown age code");
        yield return new(L, "users.dat", "1::F::1::21::48067\n", 1, "Occupation", "1m: occupation out of range");
        yield return new(L, "users.dat", "1::F::1::10::4806\u00e97\n", 1, "(encoding)", "1m: non-ASCII in users");
        yield return new(L, "users.dat", "1::F::1\n", 1, "(line)", "1m: short users line");

        // lastfm (tab separated; artists UTF-8, tags ISO-8859-1, listens and taggings ASCII)
        const string F = "lastfm", U = "userID\tartistID\tweight\r\n", T = "userID\tartistID\ttagID\tday\tmonth\tyear\r\n";
        yield return new(F, "tags.dat", null, 0, "(file)", "lastfm: tags missing");
        yield return new(F, "user_artists.dat", null, 0, "(file)", "lastfm: listens missing");
        yield return new(F, "artists.dat", Folder, 0, "(file)", "lastfm: artists is a folder");
        yield return new(F, "user_artists.dat", "", 0, "(file)", "lastfm: listens empty");
        yield return new(F, "user_artists.dat", "2\t1\t100\r\n", 1, "(header)", "lastfm: missing header");
        yield return new(F, "user_artists.dat", U + "2 1 100\r\n", 2, "(line)", "lastfm: spaces");
        yield return new(F, "user_artists.dat", U + "2\t42\t5\r\n", 2, "artistID", "lastfm: unknown artist");
        yield return new(F, "user_artists.dat", U + "2\t1\t100\r\n2\t1\t3\r\n", 3, "userID+artistID", "lastfm: duplicate listen");
        yield return new(F, "user_artists.dat", U + "x\t1\t100\r\n", 2, "userID", "lastfm: non-numeric user");
        yield return new(F, "user_artists.dat", U + "2\t1\tlots\r\n", 2, "weight", "lastfm: non-numeric weight");
        yield return new(F, "user_taggedartists.dat", T + "2\t1\t77\t1\t4\t2009\r\n", 2, "tagID", "lastfm: unknown tag");
        yield return new(F, "user_taggedartists.dat", T + "2\t1\t1\t1\t13\t2009\r\n", 2, "month", "lastfm: month 13");
        yield return new(F, "user_taggedartists.dat", T + "2\t1\t1\t32\t4\t2009\r\n", 2, "day", "lastfm: day 32");
        yield return new(F, "artists.dat", "id\tname\turl\tpictureURL\n1\tSigur R\u00f3s\thttp://a\t\n", 2, "(encoding)", "lastfm: Latin-1 byte in UTF-8 artists");
        yield return new(F, "artists.dat", "id\tname\turl\tpictureURL\n1\tA\thttp://a\t\n1\tB\thttp://a\t\n", 3, "id", "lastfm: duplicate artist");
        yield return new(F, "tags.dat", "tagID\ttagValue\r\n1\tFolk\r\n1\tRock\r\n", 3, "tagID", "lastfm: duplicate tag");
        yield return new(F, "user_artists.dat", U + "2\t1\t100\r\n\u0080", 3, "(encoding)", "lastfm: non-ASCII byte in listens");
        // Valid files, but the default filter (artists with more than 20 listeners) leaves nothing.
        yield return new(F, "user_artists.dat", U + "2\t1\t100\r\n2\t2\t50\r\n3\t1\t7\r\n", 0, "(filter)", "lastfm: the filter empties the dataset");
    }
}
