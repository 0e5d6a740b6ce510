namespace RecSaeExplorer.Core.Datasets.Acquisition;

/// <summary>
/// Fetching or importing a dataset failed: no network, a bad download, or a copy that does not verify.
/// The message is one line meant for the user; the target folder is left as it was.
/// </summary>
public sealed class DatasetAcquisitionException(string message, Exception? inner = null) : Exception(message, inner);
