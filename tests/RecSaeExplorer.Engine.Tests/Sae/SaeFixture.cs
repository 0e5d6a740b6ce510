using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Tests.Support;

namespace RecSaeExplorer.Engine.Tests.Sae;

/// <summary>Tiny frozen recommenders on synthetic communities, trained once per test class.</summary>
internal static class SaeFixture
{
    public static readonly Dataset Data = SyntheticData.Communities(groups: 3, usersPerGroup: 30, itemsPerGroup: 20);
    public static readonly DatasetSplit Split = DatasetSplit.Create(Data, seed: 5);

    public static TrainedRecommender Recommender(RecommenderModel model) => RecommenderTrainer.Train(Data, Split, new RecommenderConfig
    {
        Model = model, EmbeddingDim = 8, InitStd = 0.1, Optimizer = OptimizerKind.Adam, LearningRate = 0.02,
        L2 = 1e-4, BatchSize = 64, Epochs = 4, NegativesPerPositive = 2, Seed = 3, Hidden = [16, 8],
    });

    /// <summary>A small TopK config that trains in well under a second.</summary>
    public static SaeConfig Quick(SaeActivation activation = SaeActivation.TopK) => new()
    {
        Width = 16, Activation = activation, K = 4, TiedDecoder = false, UnitNormDecoder = true, Alpha = 1, Beta = 1,
        AuxCoefficient = 1.0 / 32, AuxK = 4, DeadAfterSteps = 5, PredictionLoss = PredictionLossKind.Listwise,
        PredictionPairs = PredictionPairs.TopCandidates, TopCandidates = 5, RandomCandidates = 5,
        LearningRate = 3e-3, UserBatch = 32, ItemBatch = 16, Steps = 40, Seed = 9,
    };
}
