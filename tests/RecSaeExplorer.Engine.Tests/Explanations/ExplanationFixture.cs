using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Tests.Sae;

namespace RecSaeExplorer.Engine.Tests.Explanations;

/// <summary>Tiny MF and NCF recommenders with SAEs of each input scaling (plain, standardized, unit-norm), trained once.</summary>
public sealed class ExplanationFixture : IDisposable
{
    public ExplanationFixture()
    {
        Mf = SaeFixture.Recommender(RecommenderModel.Mf);
        Ncf = SaeFixture.Recommender(RecommenderModel.Ncf);
        var relu = SaeFixture.Quick(SaeActivation.Relu).Architecture(a => a with { Width = 12 }).Loss(l => l with { LambdaL1 = 0.01 });
        MfSaes =
        [
            Train(Mf, relu),
            Train(Mf, relu.Architecture(a => a with { Standardize = true, TiedDecoder = true })),
            Train(Mf, SaeFixture.Quick().Architecture(a => a with { UnitNormInput = true })),
        ];
        NcfSae = Train(Ncf, relu);
    }

    public TrainedRecommender Mf { get; }
    public TrainedRecommender Ncf { get; }
    public TrainedSae[] MfSaes { get; }
    public TrainedSae NcfSae { get; }

    private static TrainedSae Train(TrainedRecommender recommender, SaeConfig config) =>
        SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, config);

    public void Dispose()
    {
        foreach (var sae in MfSaes) sae.Dispose();
        NcfSae.Dispose();
        Mf.Dispose();
        Ncf.Dispose();
    }
}
