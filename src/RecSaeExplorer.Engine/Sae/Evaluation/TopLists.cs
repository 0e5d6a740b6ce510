using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;
using RecSaeExplorer.Engine.Recommenders.Ranking;

namespace RecSaeExplorer.Engine.Sae.Evaluation;

/// <summary>Best-first top-N item lists (items only) of users scored from given (original or reconstructed) embeddings.</summary>
internal static class TopLists
{
    /// <param name="userEmbeddings">[users.Length, d], row r for users[r].</param>
    /// <param name="itemEmbeddings">[I, d] for every item.</param>
    /// <param name="exclude">When given, each user's items here are never listed (training positives).</param>
    public static int[][] Of(IRecommender recommender, Tensor userEmbeddings, int[] users, Tensor itemEmbeddings,
        InteractionMatrix? exclude, int depth, CancellationToken ct = default)
    {
        using var allItems = TorchRuntime.Range(0, (int)itemEmbeddings.shape[0], recommender.Device);
        return Scoring.TopLists(recommender, userEmbeddings, users, new(itemEmbeddings, allItems), exclude, depth, ct).Select(l => l.Items).ToArray();
    }
}
