namespace RecSaeExplorer.Engine.Experiments;

/// <summary>
/// One level of a saved experiment's dose curve: for promotions the users reached over the whole audience and over
/// the users the guardrail trusts; for suppressions and nudges the concept's share of the lists after the edit.
/// </summary>
public sealed record DosePoint(double Level, double Value, double? Unflagged = null);
