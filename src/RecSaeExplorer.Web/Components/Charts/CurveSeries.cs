namespace RecSaeExplorer.Web.Components.Charts;

/// <summary>A named series over a level grid (one value per level); dashed for reference lines such as a baseline.</summary>
public sealed record CurveSeries(string Name, IReadOnlyList<double> Values, bool Dashed = false);
