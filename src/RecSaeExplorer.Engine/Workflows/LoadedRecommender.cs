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
    /// <remarks>Only the read holds the store: the split and the model are built outside it, so other store calls need not wait.</remarks>
    public static LoadedRecommender Load(IRunStoreAccess store, string runIdOrPrefix, Dataset dataset)
    {
        var stored = store.Use(s => s.ReadRun(runIdOrPrefix, RunStore.RecommenderKind));
        var model = RunStore.RebuildRecommender(stored, dataset);
        try
        {
            return new LoadedRecommender(stored.Run, dataset, DatasetSplit.Create(dataset, stored.Run.SplitSeed), model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
