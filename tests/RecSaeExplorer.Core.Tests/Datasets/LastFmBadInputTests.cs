using System.Text;
using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Core.Tests.Datasets;

/// <summary>HetRec Last.FM edge cases: line endings, the missing-artist quirk, and bad input.</summary>
public sealed class LastFmBadInputTests
{
    private static readonly LastFmOptions Unfiltered = new(0, 0, MinArtistsPerTag: 1);
    private static readonly Func<string, Core.Datasets.Dataset> Load = folder => new LastFmLoader(Unfiltered).Load(folder);

    [Fact]
    public void Small_folder_loads_with_normalized_non_generic_tags()
    {
        using var files = DatasetFiles.LastFm();
        var data = Load(files.Folder);
        Assert.Equal((2, 2, 3, 3), (data.Users.Count, data.Items.Count, data.ListedItemCount, data.Interactions.Count));
        Assert.Equal(["folk", "post-rock"], data.FacetNames);
        Assert.Equal(["folk"], data.Items[0].Facets.Select(f => data.FacetNames[f]));
        Assert.Equal(("Sigur Rós", 1), (data.Items[1].Title, data.Items[1].Popularity));
    }

    [Fact]
    public void LF_and_CRLF_give_the_same_dataset()
    {
        using var crlf = DatasetFiles.LastFm();
        using var lf = DatasetFiles.LastFm(listens: DatasetFiles.LastFmListens.Replace("\r\n", "\n"),
            artists: DatasetFiles.LastFmArtists.Replace("\n", "\r\n"));
        Assert.Equal(Load(crlf.Folder).Fingerprint, Load(lf.Folder).Fingerprint);
    }

    [Fact]
    public void Missing_tags_file()
    {
        using var files = DatasetFiles.LastFm();
        files.Delete("tags.dat");
        files.AssertFails(Load, "tags.dat", 0, "(file)");
    }

    [Fact]
    public void Listen_of_an_unknown_artist()
    {
        using var files = DatasetFiles.LastFm(listens: "userID\tartistID\tweight\r\n2\t1\t100\r\n2\t42\t5\r\n");
        files.AssertFails(Load, "user_artists.dat", 3, "artistID");
    }

    [Fact]
    public void Duplicated_listen()
    {
        using var files = DatasetFiles.LastFm(listens: DatasetFiles.LastFmListens + "2\t1\t3\r\n");
        files.AssertFails(Load, "user_artists.dat", 5, "userID+artistID");
    }

    [Fact]
    public void Tagging_with_an_unknown_tag()
    {
        using var files = DatasetFiles.LastFm(taggings: "userID\tartistID\ttagID\tday\tmonth\tyear\r\n2\t1\t77\t1\t4\t2009\r\n");
        files.AssertFails(Load, "user_taggedartists.dat", 2, "tagID");
    }

    [Fact]
    public void Missing_header()
    {
        using var files = DatasetFiles.LastFm(listens: "2\t1\t100\r\n");
        files.AssertFails(Load, "user_artists.dat", 1, "(header)");
    }

    [Fact]
    public void Space_separated_listens()
    {
        using var files = DatasetFiles.LastFm(listens: "userID\tartistID\tweight\r\n2 1 100\r\n");
        var e = files.AssertFails(Load, "user_artists.dat", 2, "(line)");
        Assert.Contains("tab", e.Expected);
    }

    [Fact]
    public void Invalid_UTF8_in_artists()
    {
        using var files = DatasetFiles.LastFm();
        files.Write("artists.dat", DatasetFiles.LastFmArtists, Encoding.Latin1); // 'ó' as one Latin-1 byte
        files.AssertFails(Load, "artists.dat", 3, "(encoding)");
    }

    [Fact]
    public void Month_out_of_range()
    {
        using var files = DatasetFiles.LastFm(taggings: "userID\tartistID\ttagID\tday\tmonth\tyear\r\n2\t1\t1\t1\t13\t2009\r\n");
        files.AssertFails(Load, "user_taggedartists.dat", 2, "month");
    }
}
