namespace RecSaeExplorer.Core.Datasets.Acquisition;

/// <summary>Bytes of a download received so far, and the total when the server announced it.</summary>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes)
{
    /// <summary>0..1, or null when the total is unknown.</summary>
    public double? Fraction => TotalBytes is > 0 and var total ? (double)BytesReceived / total : null;
}
