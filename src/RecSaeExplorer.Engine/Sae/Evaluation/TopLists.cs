using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Evaluation;

/// <summary>Best-first top-N item lists of users scored from given (original or reconstructed) embeddings.</summary>
internal static class TopLists
{
    /// <summary>Scored pairs per chunk; bounds memory for NCF, whose block scoring is users × items × hidden.</summary>
    private const int PairsPerChunk = 1 << 18;

    /// <param name="userEmbeddings">[users.Length, d], row r for users[r].</param>
    /// <param name="itemEmbeddings">[I, d] for every item.</param>
    /// <param name="exclude">When given, each user's items here are never listed (training positives).</param>
    public static int[][] Of(IRecommender recommender, Tensor userEmbeddings, int[] users, Tensor itemEmbeddings,
        InteractionMatrix? exclude, int depth, CancellationToken ct = default)
    {
        int itemCount = (int)itemEmbeddings.shape[0];
        int chunk = Math.Max(1, PairsPerChunk / itemCount);
        var lists = new int[users.Length][];
        using var allItems = TorchRuntime.Range(0, itemCount, recommender.Device);
        for (int start = 0; start < users.Length; start += chunk)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(chunk, users.Length - start);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var span = users.AsSpan(start, count);
            var logits = recommender.BlockLogitsFrom(
                new(userEmbeddings.narrow(0, start, count), TorchRuntime.Indices(span, recommender.Device)),
                new(itemEmbeddings, allItems)).contiguous();
            if (exclude is not null) logits.view(-1).index_fill_(0, Cells(exclude, span, itemCount, recommender.Device), float.NegativeInfinity);
            Collect(logits, Math.Min(depth, itemCount), lists.AsSpan(start, count));
        }
        return lists;
    }

    private static void Collect(Tensor logits, int depth, Span<int[]> into)
    {
        var (values, indices) = logits.topk(depth, 1);
        float[] scores = values.cpu().data<float>().ToArray();
        long[] items = indices.cpu().data<long>().ToArray();
        for (int r = 0; r < into.Length; r++)
        {
            var ranked = new List<int>(depth);
            for (int k = r * depth; k < (r + 1) * depth && !float.IsNegativeInfinity(scores[k]); k++) ranked.Add((int)items[k]);
            into[r] = ranked.ToArray();
        }
    }

    /// <summary>Flat indices (row × itemCount + item) of the users' excluded items.</summary>
    private static Tensor Cells(InteractionMatrix exclude, ReadOnlySpan<int> users, int itemCount, Device device)
    {
        var cells = new List<long>();
        for (int r = 0; r < users.Length; r++)
        {
            foreach (int item in exclude.ItemsOf(users[r])) cells.Add((long)r * itemCount + item);
        }
        return tensor(cells.ToArray(), device: device);
    }
}
