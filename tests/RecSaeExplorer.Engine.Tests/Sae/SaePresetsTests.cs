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
        Assert.Equal((22, SaeActivation.Relu, true), (mf.Width, mf.Activation, mf.TiedDecoder));
        Assert.Equal((0.1, 1.0, 0.01, true), (mf.Alpha, mf.Beta, mf.LambdaKl, mf.Standardize));
        Assert.Equal((2.0, 10.0, 0.07, PredictionPairs.Sampled), (ncf.Alpha, ncf.Beta, ncf.LambdaKl, ncf.PredictionPairs));
        Assert.Equal((256, 18, 1e-3), (mf.UserBatch, mf.Epochs, mf.LearningRate));
        Assert.Equal(70, SaePresets.Get("paper", RecommenderModel.Mf, 100).Width);
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
                if (config.UsesTopK) Assert.True(config.K <= 16);
            }
        }
        Assert.Equal([32, 64, 128], SaePresets.Get("matryoshka", RecommenderModel.Mf, 20).MatryoshkaPrefixes); // m = 128 for d = 20
        Assert.Throws<ArgumentException>(() => SaePresets.Get("nope", RecommenderModel.Mf, 20));
    }

    [Fact]
    public void Compact_preset_is_topk_on_raw_inputs_with_a_narrow_dictionary()
    {
        var topK = SaePresets.Get("topk", RecommenderModel.Mf, 20);
        var mf = SaePresets.Get("compact", RecommenderModel.Mf, 20);
        var ncf = SaePresets.Get("compact", RecommenderModel.Ncf, 20);
        Assert.Equal((48, 32), (mf.Width, ncf.Width));
        Assert.False(mf.Standardize || mf.UnitNormInput);
        Assert.Equal(0.5, mf.AuxCoefficient);
        Assert.Equal(topK with { Preset = "compact", Width = 48, Standardize = false, AuxCoefficient = 0.5 }, mf);
    }
}
