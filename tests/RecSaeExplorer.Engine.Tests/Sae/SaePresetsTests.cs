using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;

namespace RecSaeExplorer.Engine.Tests.Sae;

public class SaePresetsTests
{
    [Fact]
    public void Paper_preset_follows_the_research_configuration()
    {
        var mf = SaePresets.Get("paper", RecommenderModel.Mf, 20);
        var ncf = SaePresets.Get("paper", RecommenderModel.Ncf, 20);
        Assert.Equal((22, SaeActivation.Relu, true), (mf.Architecture.Width, mf.Architecture.Activation, mf.Architecture.TiedDecoder));
        Assert.Equal((0.1, 1.0, 0.01, true), (mf.Loss.Alpha, mf.Loss.Beta, mf.Loss.LambdaKl, mf.Architecture.Standardize));
        Assert.Equal((2.0, 10.0, 0.07, PredictionPairs.Sampled), (ncf.Loss.Alpha, ncf.Loss.Beta, ncf.Loss.LambdaKl, ncf.Prediction.Pairs));
        Assert.Equal((256, 18, 1e-3), (mf.Schedule.UserBatch, mf.Schedule.Epochs, mf.Schedule.LearningRate));
        Assert.Equal(70, SaePresets.Get("paper", RecommenderModel.Mf, 100).Architecture.Width);
    }

    [Fact]
    public void Every_preset_is_valid_and_topk_presets_stay_within_16_active_latents()
    {
        foreach (string name in SaePresets.Names)
        {
            foreach (var model in new[] { RecommenderModel.Mf, RecommenderModel.Ncf })
            {
                var config = SaePresets.Get(name, model, 20);
                config.Validate();
                if (config.Architecture.UsesTopK) Assert.True(config.Architecture.K <= 16);
            }
        }
        Assert.Equal([32, 64, 128], SaePresets.Get("matryoshka", RecommenderModel.Mf, 20).Architecture.MatryoshkaPrefixes); // m = 128 for d = 20
        Assert.Throws<ArgumentException>(() => SaePresets.Get("nope", RecommenderModel.Mf, 20));
    }

    [Fact]
    public void Compact_preset_is_topk_on_raw_inputs_with_a_narrow_dictionary()
    {
        var topK = SaePresets.Get("topk", RecommenderModel.Mf, 20);
        var mf = SaePresets.Get("compact", RecommenderModel.Mf, 20);
        var ncf = SaePresets.Get("compact", RecommenderModel.Ncf, 20);
        Assert.Equal((48, 32), (mf.Architecture.Width, ncf.Architecture.Width));
        Assert.False(mf.Architecture.Standardize || mf.Architecture.UnitNormInput);
        Assert.Equal(0.5, mf.DeadLatents.AuxCoefficient);
        Assert.Equal(topK with
        {
            Preset = "compact",
            Architecture = topK.Architecture with { Width = 48, Standardize = false },
            DeadLatents = topK.DeadLatents with { AuxCoefficient = 0.5 },
        }, mf);
    }

    [Fact]
    public void Balanced_preset_is_expert_choice_for_mf_and_batch_topk_for_ncf_with_16_of_22_latents_on_the_papers_width()
    {
        var compact = SaePresets.Get("compact", RecommenderModel.Mf, 20);
        var mf = SaePresets.Get("balanced", RecommenderModel.Mf, 20);
        var ncf = SaePresets.Get("balanced", RecommenderModel.Ncf, 20);
        Assert.Equal((SaeActivation.ExpertChoice, 22, 16), (mf.Architecture.Activation, mf.Architecture.Width, mf.Architecture.K));
        Assert.Equal((PredictionLossKind.LogitMse, PredictionPairs.Block), (mf.Prediction.Loss, mf.Prediction.Pairs));
        Assert.Equal((compact.Loss, compact.DeadLatents), (mf.Loss, mf.DeadLatents));
        Assert.Equal(compact.Schedule with { Steps = 8000 }, mf.Schedule);
        Assert.Equal((SaeActivation.BatchTopK, 22, 16), (ncf.Architecture.Activation, ncf.Architecture.Width, ncf.Architecture.K));
        var compactNcf = SaePresets.Get("compact", RecommenderModel.Ncf, 20);
        Assert.Equal((compactNcf.Prediction, compactNcf.Schedule), (ncf.Prediction, ncf.Schedule));
        var wide = SaePresets.Get("balanced", RecommenderModel.Mf, 64).Architecture;
        Assert.Equal((70, 51), (wide.Width, wide.K)); // K keeps its 16/22 share of the width
    }
}
