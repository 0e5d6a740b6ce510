using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae.Sweeps;

namespace RecSaeExplorer.Engine.Tests.Sae;

/// <summary>The paper's numbers are only a baseline for SAEs on the paper's own recommender (recipe, d = 20, ML-1M).</summary>
public class PaperNumbersTests
{
    [Fact]
    public void Paper_recipe_at_d20_on_ml1m_gets_the_papers_point()
    {
        var label = new RecommenderLabel("mf-1", RecommenderModel.Mf, "paper", 20, "ml-1m");
        Assert.True(label.IsPaperRecipe);
        Assert.Equal(0.403, PaperNumbers.For(label, 1)!.Rbo);
        Assert.Equal(0.748, PaperNumbers.For(label with { Model = RecommenderModel.Ncf }, 10)!.Rbo);
        Assert.Null(PaperNumbers.For(label, 3)); // a β the paper did not report
    }

    [Theory]
    [InlineData("tuned", 20, "ml-1m")]
    [InlineData("paper-d64", 64, "ml-1m")]
    [InlineData("paper+custom", 20, "ml-1m")]
    [InlineData("paper", 100, "lastfm")]
    public void Any_other_recommender_gets_none(string preset, int dim, string dataset)
    {
        var label = new RecommenderLabel("mf-2", RecommenderModel.Mf, preset, dim, dataset);
        Assert.False(label.IsPaperRecipe);
        Assert.Null(PaperNumbers.For(label, 1));
        Assert.Equal($"mf {preset} d={dim} mf-2", label.ToString());
    }
}
