using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Engine.Workflows;

/// <summary>A stored recommender in memory with the dataset and the split it was trained on: what SAE work needs.</summary>
public sealed record LoadedRecommender(RunInfo Run, Dataset Dataset, DatasetSplit Split, TrainedRecommender Recommender) : IDisposable
{
    public void Dispose() => Recommender.Dispose();

    public RecommenderLabel Label => RecommenderLabel.Of(Run.Id, Recommender);

    /// <summary>Loads run <paramref name="runIdOrPrefix"/> for <paramref name="dataset"/>, with the run's own split.</summary>
    public static LoadedRecommender Load(IRunStoreAccess store, string runIdOrPrefix, Dataset dataset) => store.Use(s =>
    {
        var run = s.Get(runIdOrPrefix);
        if (run.Kind != RunStore.RecommenderKind) throw new InvalidOperationException($"Run '{run.Id}' is a {run.Kind} run, not a recommender.");
        return new LoadedRecommender(run, dataset, DatasetSplit.Create(dataset, run.SplitSeed), s.LoadRecommender(run.Id, dataset));
    });
}
