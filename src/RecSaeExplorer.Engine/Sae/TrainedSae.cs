namespace RecSaeExplorer.Engine.Sae;

/// <summary>
/// A trained (or loaded) SAE with what produced it. Owns <see cref="Sae"/>. <see cref="LossCurve"/>
/// holds the mean total loss of each block of <see cref="CurveEvery"/> steps.
/// </summary>
public sealed class TrainedSae(
    SparseAutoencoder sae,
    string datasetName,
    string datasetFingerprint,
    int splitSeed,
    int steps,
    int curveEvery,
    IReadOnlyList<double> lossCurve,
    double totalSeconds) : IDisposable
{
    public SparseAutoencoder Sae { get; } = sae;
    public SaeConfig Config => Sae.Config;
    public string DatasetName { get; } = datasetName;
    public string DatasetFingerprint { get; } = datasetFingerprint;
    public int SplitSeed { get; } = splitSeed;
    public int Steps { get; } = steps;
    public int CurveEvery { get; } = curveEvery;
    public IReadOnlyList<double> LossCurve { get; } = lossCurve;
    public double TotalSeconds { get; } = totalSeconds;

    public void Dispose() => Sae.Dispose();
}
