using RecSaeExplorer.Core.Interpretability;

namespace RecSaeExplorer.Core.Tests.Interpretability;

public class MonosemanticityScoreTests
{
    // METHOD.md §4 toy: items × neurons.
    private static readonly float[][] Activations = [[1, 0], [0.5f, 0], [0, 1], [0, 0.2f]];

    private static readonly double[][] Similarity =
    [
        [1, .8, .1, 0],
        [.8, 1, .2, .3],
        [.1, .2, 1, .9],
        [0, .3, .9, 1],
    ];

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Toy_matches_the_oracle(int topK)
    {
        var scores = MonosemanticityScore.PerNeuron(Activations, ItemSimilarity.FromMatrix(Similarity), topK);
        Assert.Equal(0.8, scores[0], 12);
        Assert.Equal(0.9, scores[1], 12);
        Assert.Equal(0.85, MonosemanticityScore.Mean(Activations, ItemSimilarity.FromMatrix(Similarity), topK), 12);
    }

    [Fact]
    public void Dead_neuron_scores_zero()
    {
        float[][] codes = [[1, 0], [0.5f, 0], [0, 0], [0, 0]];
        var scores = MonosemanticityScore.PerNeuron(codes, ItemSimilarity.FromMatrix(Similarity), 4);
        Assert.Equal(0.0, scores[1]);
    }

    [Fact]
    public void Embedding_cosine_is_the_cosine_of_rows()
    {
        var cosine = ItemSimilarity.EmbeddingCosine([[1, 0], [1, 1], [0, 2]]);
        Assert.Equal(1 / Math.Sqrt(2), cosine(0, 1), 12);
        Assert.Equal(0.0, cosine(0, 2), 12);
        Assert.Equal(1.0, cosine(2, 2), 12);
    }

    [Fact]
    public void Facet_similarities_follow_their_formulas()
    {
        IReadOnlyList<int>[] facets = [[0, 1], [1, 2, 3], []];
        Assert.Equal(0.25, ItemSimilarity.FacetJaccard(facets)(0, 1), 12);
        Assert.Equal(1 / Math.Sqrt(6), ItemSimilarity.FacetCosine(facets)(0, 1), 12);
        Assert.Equal(0.0, ItemSimilarity.FacetJaccard(facets)(0, 2));
        Assert.Equal(0.0, ItemSimilarity.FacetCosine(facets)(2, 2));
    }
}
