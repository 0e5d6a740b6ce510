using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Metrics;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Recommenders.Evaluation;

/// <summary>Top-K over all items for chunks of users: score, mask training positives, topk on the device.</summary>
internal static class FullRanking
{
    public static (RankingScores[] Ranking, CoverageScores[] Coverage) Run(IRecommender model, Dataset dataset,
        DatasetSplit split, int[] users, EvaluationOptions options, CancellationToken ct)
    {
        var accuracy = RecommenderEvaluator.Accumulators(options);
        var popularity = dataset.Items.Select(i => i.Popularity).ToArray();
        var coverage = options.Ks.Select(k => new BeyondAccuracy(popularity, k)).ToArray();
        int itemCount = model.ItemCount;
        int chunk = Math.Max(1, options.PairsPerChunk / itemCount);
        int depth = Math.Min(options.MaxK, itemCount);
        using var allItems = TorchRuntime.Range(0, itemCount, model.Device);
        for (int start = 0; start < users.Length; start += chunk)
        {
            ct.ThrowIfCancellationRequested();
            var span = users.AsSpan(start, Math.Min(chunk, users.Length - start));
            foreach (var (user, ranked) in TopK(model, split.Train, span, allItems, depth))
            {
                foreach (var acc in accuracy) acc.Add(ranked, split.HeldOutOf(user));
                foreach (var cov in coverage) cov.Add(ranked);
            }
        }
        return (accuracy.Select(a => a.Result()).ToArray(),
            coverage.Select(c => new CoverageScores(c.K, c.CatalogCoverage, c.MeanPopularity)).ToArray());
    }

    /// <summary>Best-first item lists of <paramref name="users"/>, training positives excluded.</summary>
    public static List<(int User, int[] Ranked)> TopK(IRecommender model, InteractionMatrix train,
        ReadOnlySpan<int> users, Tensor allItems, int depth)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int itemCount = model.ItemCount;
        var logits = model.BlockLogits(TorchRuntime.Indices(users, model.Device), allItems).contiguous();
        logits.view(-1).index_fill_(0, TrainingCells(train, users, itemCount, model.Device), float.NegativeInfinity);
        var (values, indices) = logits.topk(depth, 1);
        float[] scores = values.cpu().data<float>().ToArray();
        long[] items = indices.cpu().data<long>().ToArray();
        var lists = new List<(int, int[])>(users.Length);
        for (int r = 0; r < users.Length; r++)
        {
            var ranked = new List<int>(depth);
            for (int k = r * depth; k < (r + 1) * depth && !float.IsNegativeInfinity(scores[k]); k++) ranked.Add((int)items[k]);
            lists.Add((users[r], ranked.ToArray()));
        }
        return lists;
    }

    /// <summary>Flat indices (row × itemCount + item) of the users' training positives.</summary>
    private static Tensor TrainingCells(InteractionMatrix train, ReadOnlySpan<int> users, int itemCount, Device device)
    {
        int total = 0;
        foreach (int u in users) total += train.CountOf(u);
        var cells = new long[total];
        int c = 0;
        for (int r = 0; r < users.Length; r++)
        {
            foreach (int item in train.ItemsOf(users[r])) cells[c++] = (long)r * itemCount + item;
        }
        return tensor(cells, device: device);
    }
}
