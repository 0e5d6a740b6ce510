namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// How <see cref="LastFmLoader"/> filters HetRec Last.FM and derives tag facets. The defaults are the
/// product's choice; <see cref="LastFmLoader"/> documents why and the sizes they give.
/// </summary>
/// <param name="ArtistsWithMoreListenersThan">Keep artists with more listeners than this.</param>
/// <param name="UsersWithMoreArtistsThan">Keep users with more (kept) artists than this.</param>
/// <param name="IterateToFixedPoint">Repeat both filters until neither removes anything, so both bounds hold in the result.</param>
/// <param name="TopTagsPerArtist">How many of an artist's most-assigned tags become its facets.</param>
/// <param name="MinArtistsPerTag">A tag becomes a facet only when it is a top tag of at least this many kept artists.</param>
public sealed record LastFmOptions(
    int ArtistsWithMoreListenersThan = 20,
    int UsersWithMoreArtistsThan = 10,
    bool IterateToFixedPoint = true,
    int TopTagsPerArtist = 4,
    int MinArtistsPerTag = 5)
{
    public static LastFmOptions Default { get; } = new();
}
