using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Recommenders.Ranking;

/// <summary>Full-catalogue top lists of users from given user embeddings (chunked to bound memory).</summary>
public static class Scoring
{
    /// <summary>The recommender's own top lists of <paramref name="users"/>, training positives excluded.</summary>
    public static TopList[] TopLists(IRecommender recommender, int[] users, InteractionMatrix exclude, int depth, CancellationToken ct = default)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var index = TorchRuntime.Indices(users, recommender.Device);
        var items = new EmbeddingBatch(recommender.ItemEmbeddings(), TorchRuntime.Range(0, recommender.ItemCount, recommender.Device));
        return TopLists(recommender, recommender.UserEmbeddings(index), users, items, exclude, depth, ct);
    }

    /// <summary>Scored pairs per chunk; NCF block scoring is users × items × hidden.</summary>
    private const int PairsPerChunk = 1 << 18;

    /// <param name="userEmbeddings">[users.Length, d], row r for users[r].</param>
    /// <param name="items">All items' embeddings and indices.</param>
    /// <param name="exclude">When given, each user's items here are never listed (training positives).</param>
    public static TopList[] TopLists(IRecommender recommender, Tensor userEmbeddings, int[] users, EmbeddingBatch items,
        InteractionMatrix? exclude, int depth, CancellationToken ct = default)
    {
        int itemCount = (int)items.Embeddings.shape[0];
        int chunk = Math.Max(1, PairsPerChunk / itemCount);
        var lists = new TopList[users.Length];
        for (int start = 0; start < users.Length; start += chunk)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(chunk, users.Length - start);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var span = users.AsSpan(start, count);
            var logits = recommender.BlockLogitsFrom(
                new(userEmbeddings.narrow(0, start, count), TorchRuntime.Indices(span, recommender.Device)), items).contiguous();
            var cells = exclude is null ? [] : Cells(exclude, span, itemCount);
            if (cells.Length > 0) logits.view(-1).index_fill_(0, tensor(cells, device: recommender.Device), float.NegativeInfinity);
            Collect(logits, Math.Min(depth, itemCount), lists.AsSpan(start, count));
        }
        return lists;
    }

    private static void Collect(Tensor logits, int depth, Span<TopList> into)
    {
        var (values, indices) = logits.topk(depth, 1);
        float[] scores = values.cpu().data<float>().ToArray();
        long[] items = indices.cpu().data<long>().ToArray();
        for (int r = 0; r < into.Length; r++)
        {
            var listed = new List<int>(depth);
            var listedScores = new List<float>(depth);
            for (int k = r * depth; k < (r + 1) * depth && !float.IsNegativeInfinity(scores[k]); k++)
            {
                listed.Add((int)items[k]);
                listedScores.Add(scores[k]);
            }
            into[r] = new TopList(listed.ToArray(), listedScores.ToArray());
        }
    }

    private static long[] Cells(InteractionMatrix exclude, ReadOnlySpan<int> users, int itemCount)
    {
        var cells = new List<long>();
        for (int r = 0; r < users.Length; r++)
            foreach (int item in exclude.ItemsOf(users[r])) cells.Add((long)r * itemCount + item);
        return cells.ToArray();
    }
}
