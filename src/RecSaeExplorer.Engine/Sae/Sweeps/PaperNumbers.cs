using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;

namespace RecSaeExplorer.Engine.Sae.Sweeps;

/// <summary>The paper's ML-1M numbers (METHOD.md §5), mean over test users, by model and β.</summary>
public static class PaperNumbers
{
    public sealed record Point(double Rbo, double Kendall, double Ms);

    private static readonly Dictionary<(RecommenderModel, double), Point> Table = new()
    {
        [(RecommenderModel.Ncf, 0)] = new(0.448, 0.09, 0.658),
        [(RecommenderModel.Ncf, 1)] = new(0.55, 0.24, 0.671),
        [(RecommenderModel.Ncf, 2)] = new(0.579, 0.32, 0.681),
        [(RecommenderModel.Ncf, 5)] = new(0.664, 0.448, 0.676),
        [(RecommenderModel.Ncf, 10)] = new(0.748, 0.597, 0.674),
        [(RecommenderModel.Mf, 0)] = new(0.224, -0.19, 0.464),
        [(RecommenderModel.Mf, 1)] = new(0.403, 0.092, 0.58),
        [(RecommenderModel.Mf, 2)] = new(0.436, 0.141, 0.578),
        [(RecommenderModel.Mf, 5)] = new(0.486, 0.226, 0.567),
        [(RecommenderModel.Mf, 10)] = new(0.543, 0.315, 0.553),
    };

    /// <summary>The paper's point, or null for a β it did not report.</summary>
    public static Point? For(RecommenderModel model, double beta) => Table.GetValueOrDefault((model, beta));

    /// <summary>The paper's point only for a run on the paper's own recommender: other recommenders are not comparable.</summary>
    public static Point? For(RecommenderLabel recommender, double beta) =>
        recommender.IsPaperRecipe ? For(recommender.Model, beta) : null;
}
