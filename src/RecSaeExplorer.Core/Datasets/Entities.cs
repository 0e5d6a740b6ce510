namespace RecSaeExplorer.Core.Datasets;

/// <summary>A user; <see cref="Index"/> is the dense row used everywhere in the engine.</summary>
/// <param name="Gender">ML-1M only: "M" or "F".</param>
/// <param name="AgeBand">ML-1M only: the band label, e.g. "25-34".</param>
/// <param name="Occupation">ML-1M only: the occupation name.</param>
public sealed record UserInfo(int Index, int Id, string? Gender = null, string? AgeBand = null, string? Occupation = null);

/// <summary>An item (movie or artist); <see cref="Index"/> is the dense column used everywhere in the engine.</summary>
/// <param name="Facets">Indices into <see cref="Dataset.FacetNames"/> (genres for movies, top tags for artists).</param>
/// <param name="Popularity">Number of users who interacted with the item.</param>
public sealed record ItemInfo(int Index, int Id, string Title, int? Year, string? Decade, IReadOnlyList<int> Facets, int Popularity);
