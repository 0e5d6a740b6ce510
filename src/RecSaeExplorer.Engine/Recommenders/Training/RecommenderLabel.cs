using RecSaeExplorer.Core.Datasets.Loaders;

namespace RecSaeExplorer.Engine.Recommenders.Training;

/// <summary>
/// Which frozen recommender an SAE result was measured on: every reported SAE number carries one, because
/// the same SAE recipe scores very differently on recommenders trained by different recipes.
/// </summary>
public sealed record RecommenderLabel(string RunId, RecommenderModel Model, string Preset, int Dim, string Dataset)
{
    public static RecommenderLabel Of(string runId, TrainedRecommender recommender) =>
        new(runId, recommender.Config.Model, recommender.Config.Preset, recommender.Config.EmbeddingDim, recommender.DatasetName);

    /// <summary>The paper's own recommender: its recipe, unmodified, at d = 20 on ML-1M (METHOD.md §2).</summary>
    public bool IsPaperRecipe =>
        string.Equals(Preset, RecommenderPresets.Paper, StringComparison.OrdinalIgnoreCase) && Dim == 20
        && string.Equals(Dataset, MovieLens1MLoader.DatasetName, StringComparison.OrdinalIgnoreCase);

    /// <summary>E.g. "mf paper d=20 mf-20261206-…".</summary>
    public override string ToString() => $"{Model.Name()} {Preset} d={Dim} {RunId}";
}
