namespace RecSaeExplorer.Web.Components.Charts;

/// <summary>One labelled measurement (a share, a ratio, an activation) for <see cref="ValueBarChart"/>.</summary>
public sealed record LabelValue(string Label, double Value);
