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
        Architecture = new() { Width = 16, Activation = activation, K = 4, TiedDecoder = false, UnitNormDecoder = true },
        Loss = new() { Alpha = 1, Beta = 1 },
        DeadLatents = new() { AuxCoefficient = 1.0 / 32, AuxK = 4, DeadAfterSteps = 5 },
        Prediction = new() { Loss = PredictionLossKind.Listwise, Pairs = PredictionPairs.TopCandidates, TopCandidates = 5, RandomCandidates = 5 },
        Schedule = new() { LearningRate = 3e-3, UserBatch = 32, ItemBatch = 16, Steps = 40 },
        Seed = 9,
    };
}

/// <summary>One-section edits of a test config: <c>config.Architecture(a => a with { Width = 8 })</c>.</summary>
public static class SaeConfigEdits
{
    public static SaeConfig Architecture(this SaeConfig c, Func<SaeArchitecture, SaeArchitecture> edit) => c with { Architecture = edit(c.Architecture) };
    public static SaeConfig Loss(this SaeConfig c, Func<SaeLossWeights, SaeLossWeights> edit) => c with { Loss = edit(c.Loss) };
    public static SaeConfig DeadLatents(this SaeConfig c, Func<SaeDeadLatents, SaeDeadLatents> edit) => c with { DeadLatents = edit(c.DeadLatents) };
    public static SaeConfig Prediction(this SaeConfig c, Func<SaePrediction, SaePrediction> edit) => c with { Prediction = edit(c.Prediction) };
    public static SaeConfig Schedule(this SaeConfig c, Func<SaeSchedule, SaeSchedule> edit) => c with { Schedule = edit(c.Schedule) };
    public static SaeConfig WithSteps(this SaeConfig c, int steps) => c.Schedule(s => s with { Steps = steps });
}
