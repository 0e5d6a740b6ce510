using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Tests.Sae;

namespace RecSaeExplorer.Engine.Tests.Interventions;

/// <summary>A tiny MF recommender on synthetic communities and a quick SAE on it, shared by a test class.</summary>
public sealed class InterventionFixture : IDisposable
{
    public InterventionFixture()
    {
        Recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        Trained = SaeTrainer.Train(Data, Split, Recommender.Model, SaeFixture.Quick(SaeActivation.Relu).Architecture(a => a with { Width = 12 }).Loss(l => l with { LambdaL1 = 0.01 }));
    }

    public Dataset Data => SaeFixture.Data;
    public DatasetSplit Split => SaeFixture.Split;
    public TrainedRecommender Recommender { get; }
    public TrainedSae Trained { get; }

    /// <summary>Items of community 0 (the synthetic data's first 20 items).</summary>
    public static bool InFirstCommunity(int item) => item < 20;

    public void Dispose()
    {
        Trained.Dispose();
        Recommender.Dispose();
    }
}
