namespace RecSaeExplorer.Engine.Recommenders.Training;

/// <summary>
/// A trained (or loaded) model with what produced it. Owns <see cref="Model"/>: disposing this
/// disposes the model.
/// </summary>
public sealed class TrainedRecommender(
    IRecommender model,
    RecommenderConfig config,
    string datasetName,
    string datasetFingerprint,
    int splitSeed,
    IReadOnlyList<double> epochSeconds,
    IReadOnlyList<double> epochLosses,
    double totalSeconds) : IDisposable
{
    public IRecommender Model { get; } = model;
    public RecommenderConfig Config { get; } = config;
    public string DatasetName { get; } = datasetName;
    public string DatasetFingerprint { get; } = datasetFingerprint;

    /// <summary>Seed of the <see cref="Core.Datasets.DatasetSplit"/> the model was trained on.</summary>
    public int SplitSeed { get; } = splitSeed;

    public IReadOnlyList<double> EpochSeconds { get; } = epochSeconds;
    public IReadOnlyList<double> EpochLosses { get; } = epochLosses;

    /// <summary>Wall time of the whole training call, including negative sampling.</summary>
    public double TotalSeconds { get; } = totalSeconds;

    public void Dispose() => Model.Dispose();
}
