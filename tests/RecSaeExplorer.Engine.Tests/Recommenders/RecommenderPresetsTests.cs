using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;

namespace RecSaeExplorer.Engine.Tests.Recommenders;

public class RecommenderPresetsTests
{
    [Theory]
    [InlineData(MovieLens1MLoader.DatasetName, 20)]
    [InlineData(LastFmLoader.DatasetName, 100)]
    public void Paper_mf_uses_the_method_hyper_parameters(string dataset, int dim)
    {
        var c = RecommenderPresets.Get("paper", RecommenderModel.Mf, dataset);
        Assert.Equal((dim, OptimizerKind.Sgd, 0.05, 0.01, 256, 10, 1),
            (c.EmbeddingDim, c.Optimizer, c.LearningRate, c.L2, c.BatchSize, c.Epochs, c.NegativesPerPositive));
        Assert.Equal(LossReduction.Sum, c.Reduction); // per-example SGD semantics, see the preset's doc
    }

    [Theory]
    [InlineData(MovieLens1MLoader.DatasetName, 20)]
    [InlineData(LastFmLoader.DatasetName, 100)]
    public void Paper_ncf_uses_the_method_hyper_parameters(string dataset, int dim)
    {
        var c = RecommenderPresets.Get("Paper", RecommenderModel.Ncf, dataset);
        Assert.Equal((dim, OptimizerKind.Adam, 1e-3, 30), (c.EmbeddingDim, c.Optimizer, c.LearningRate, c.Epochs));
        Assert.Equal([64, 32, 16], c.Hidden);
    }

    [Fact]
    public void Tuned_is_labelled_and_valid_and_unknown_presets_are_refused()
    {
        foreach (var model in new[] { RecommenderModel.Mf, RecommenderModel.Ncf })
        {
            var c = RecommenderPresets.Get("tuned", model, MovieLens1MLoader.DatasetName);
            Assert.Equal("tuned", c.Preset);
            Assert.Equal(4, c.NegativesPerPositive);
            c.Validate();
        }
        var error = Assert.Throws<ArgumentException>(() => RecommenderPresets.Get("fast", RecommenderModel.Mf, "ml-1m"));
        Assert.Contains("paper", error.Message);
    }
}
