using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Training;

namespace RecSaeExplorer.Cli.Tests.Concepts;

/// <summary>A temporary store with a quickly trained MF recommender on ml-latest-small and a tiny SAE on it.</summary>
public sealed class ConceptStoreFixture : IDisposable
{
    public ConceptStoreFixture()
    {
        Store = Path.Combine(Folder, "store.db");
        var dataset = new DatasetCatalog(Core.Hosting.ProductPaths.Discover()).Load("ml-latest-small", TestPaths.MovieLensSmall);
        var split = DatasetSplit.Create(dataset, 42);
        using var recommender = RecommenderTrainer.Train(dataset, split, new RecommenderConfig
        {
            Model = RecommenderModel.Mf, EmbeddingDim = 8, Optimizer = OptimizerKind.Adam, LearningRate = 0.01, L2 = 0,
            BatchSize = 4096, Epochs = 1, Seed = 1,
        });
        using var sae = SaeTrainer.Train(dataset, split, recommender.Model, new SaeConfig
        {
            Architecture = new() { Width = 12 },
            Loss = new() { Alpha = 1, Beta = 1, LambdaL1 = 0.01 },
            Schedule = new() { UserBatch = 128, ItemBatch = 512, Steps = 20 },
            Seed = 3,
        });
        using var store = new RunStore(Store);
        string recommenderId = store.SaveRecommender(recommender).Id;
        RecommenderId = recommenderId;
        SaeId = store.SaveSae(sae, recommenderId).Id;
    }

    public string Folder { get; } = TestPaths.NewTempFolder();
    public string Store { get; }
    public string RecommenderId { get; }
    public string SaeId { get; }

    public void Dispose() => Directory.Delete(Folder, true);
}
