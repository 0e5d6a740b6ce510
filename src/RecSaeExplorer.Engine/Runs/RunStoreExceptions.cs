namespace RecSaeExplorer.Engine.Runs;

/// <summary>No run has the given id (or the prefix matches none or several).</summary>
public sealed class RunNotFoundException(string id, string? detail = null)
    : Exception(detail ?? $"No run '{id}' in the store; 'recsae runs list' shows the stored runs.")
{
    public string RunId { get; } = id;
}

/// <summary>A run is being loaded against a dataset whose contents differ from the one it was trained on.</summary>
public sealed class DatasetMismatchException(RunInfo run, string datasetName, string fingerprint)
    : Exception($"Run '{run.Id}' was trained on dataset '{run.DatasetName}' (fingerprint {run.DatasetFingerprint}), " +
                $"but the loaded dataset '{datasetName}' has fingerprint {fingerprint}: its users, items or interactions differ. " +
                $"Load the same data files the run was trained on, or train a new run.")
{
    public RunInfo Run { get; } = run;
    public string DatasetName { get; } = datasetName;
    public string Fingerprint { get; } = fingerprint;
}
