using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Workflows.Requests;

namespace RecSaeExplorer.Engine.Tests.Workflows;

public class RequestsTests
{
    [Fact]
    public void A_recommender_request_labels_what_it_changed_in_the_recipe()
    {
        var preset = RecommenderPresets.Get(RecommenderPresets.Paper, RecommenderModel.Mf, "ml-1m");

        var plain = new RecommenderRequest(RecommenderModel.Mf, RecommenderPresets.Paper) { Seed = 9, Threads = 2 }.ToConfig("ml-1m");
        var samePreset = new RecommenderRequest(RecommenderModel.Mf, RecommenderPresets.Paper) { Epochs = preset.Epochs, EmbeddingDim = preset.EmbeddingDim }.ToConfig("ml-1m");
        var wider = new RecommenderRequest(RecommenderModel.Mf, RecommenderPresets.Paper) { EmbeddingDim = 64 }.ToConfig("ml-1m");
        var custom = new RecommenderRequest(RecommenderModel.Mf, RecommenderPresets.Paper) { LearningRate = preset.LearningRate * 2 }.ToConfig("ml-1m");
        var both = new RecommenderRequest(RecommenderModel.Mf, RecommenderPresets.Paper) { EmbeddingDim = 64, Epochs = preset.Epochs + 1 }.ToConfig("ml-1m");

        Assert.Equal(("paper", 9, 2), (plain.Preset, plain.Seed, plain.Threads));
        Assert.Equal(preset with { Seed = 9, Threads = 2 }, plain);
        Assert.Equal("paper", samePreset.Preset);
        Assert.Equal(("paper-d64", 64), (wider.Preset, wider.EmbeddingDim));
        Assert.Equal(("paper+custom", preset.LearningRate * 2), (custom.Preset, custom.LearningRate));
        Assert.Equal(("paper-d64+custom", preset.Epochs + 1), (both.Preset, both.Epochs));
    }

    [Fact]
    public void Sae_overrides_replace_only_the_given_fields_and_are_validated()
    {
        var preset = SaePresets.Get(SaePresets.Paper, RecommenderModel.Mf, 20);

        var config = new SaeRequest(SaePresets.Paper) { Seed = 5, Overrides = new SaeOverrides { Beta = 7, Steps = 11 } }.ToConfig(RecommenderModel.Mf, 20);
        var unitNorm = new SaeOverrides { UnitNormInput = true }.ApplyTo(preset with { Architecture = preset.Architecture with { Standardize = true } });
        var both = new SaeOverrides { UnitNormInput = false, Standardize = true }.ApplyTo(preset);

        Assert.Equal(preset with { Seed = 5, Loss = preset.Loss with { Beta = 7 }, Schedule = preset.Schedule with { Steps = 11 } }, config);
        Assert.Equal((true, false), (unitNorm.Architecture.UnitNormInput, unitNorm.Architecture.Standardize));
        Assert.Equal((false, true), (both.Architecture.UnitNormInput, both.Architecture.Standardize));
        Assert.ThrowsAny<ArgumentException>(() => new SaeOverrides { Width = 0 }.ApplyTo(preset));
    }

    [Theory]
    [InlineData("0,1,2,5,10", new[] { 0.0, 1, 2, 5, 10 })]
    [InlineData(" 2; 0.5  1e1 ,2", new[] { 2.0, 0.5, 10 })]
    public void A_beta_list_reads_commas_semicolons_and_spaces_and_drops_repeats(string text, double[] expected) =>
        Assert.Equal(expected, BetaList.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("1,,x")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20")]
    public void A_bad_beta_list_is_refused_with_a_reason(string text)
    {
        var error = Assert.Throws<FormatException>(() => BetaList.Parse(text));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Null(BetaList.TryParse(text));
    }
}
