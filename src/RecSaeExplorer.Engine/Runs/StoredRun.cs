namespace RecSaeExplorer.Engine.Runs;

/// <summary>A run as the store holds it: its document and its serialized weights, nothing built yet.</summary>
public sealed record StoredRun(RunInfo Run, byte[] Weights);
