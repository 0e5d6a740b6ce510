using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Core.Tests.Datasets;

/// <summary>Loads the shipped HetRec Last.FM and checks the sizes <see cref="LastFmLoader"/> documents.</summary>
public sealed class LastFmLoaderTests
{
    private static readonly Lazy<Dataset> Shipped = new(() => new LastFmLoader().Load(TestPaths.LastFm));

    [Fact]
    public void Default_filter_gives_the_documented_sizes()
    {
        var data = Shipped.Value;
        Assert.Equal("lastfm", data.Name);
        Assert.Equal("tag", data.FacetKind);
        Assert.Equal(17_632, data.ListedItemCount);
        Assert.Equal((1_660, 720, 50_256), (data.Users.Count, data.Items.Count, data.Interactions.Count));
    }

    [Fact]
    public void Both_filter_bounds_hold_in_the_result()
    {
        var data = Shipped.Value;
        Assert.All(data.Items, a => Assert.True(a.Popularity > 20));
        Assert.All(Enumerable.Range(0, data.Users.Count), u => Assert.True(data.Interactions.CountOf(u) > 10));
    }

    [Fact]
    public void Unfiltered_load_keeps_every_listen()
    {
        var all = new LastFmLoader(new LastFmOptions(0, 0)).Load(TestPaths.LastFm);
        Assert.Equal((1_892, 17_632, 92_834), (all.Users.Count, all.Items.Count, all.Interactions.Count));
    }

    [Fact]
    public void Bob_Dylan_is_kept_with_folk_among_his_tags()
    {
        var data = Shipped.Value;
        var dylan = data.Items.Single(a => a.Title == "Bob Dylan");
        var tags = dylan.Facets.Select(f => data.FacetNames[f]).ToList();
        Assert.Contains("folk", tags);
        Assert.InRange(tags.Count, 1, 4);
    }

    [Fact]
    public void Facets_are_normalized_non_generic_tags_shared_by_several_artists()
    {
        var data = Shipped.Value;
        Assert.All(data.FacetNames, t => Assert.Equal(t.Trim().ToLowerInvariant(), t));
        Assert.All(data.FacetNames, t => Assert.False(LastFmLoader.GenericTags.Contains(t), t));
        Assert.Equal(data.FacetNames.Order(StringComparer.Ordinal), data.FacetNames);
        var artistsPerTag = data.Items.SelectMany(a => a.Facets).CountBy(f => f).ToDictionary();
        Assert.All(Enumerable.Range(0, data.FacetNames.Count), f => Assert.True(artistsPerTag.GetValueOrDefault(f) >= 5));
        Assert.Contains("metal", data.FacetNames);
        Assert.Contains("electronic", data.FacetNames);
    }
}
