using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Metrics;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Recommenders.Evaluation;

/// <summary>
/// The NCF protocol (He et al. 2017): a case is one held-out positive followed by N negatives the user
/// never interacted with, distinct where the catalogue allows; its rank is 1 + negatives scoring at
/// least as high (ties count against the positive, so a constant model scores zero).
/// </summary>
internal static class SampledRanking
{
    public static RankingScores[] Run(IRecommender model, Dataset dataset, DatasetSplit split, int[] users,
        EvaluationOptions options, CancellationToken ct)
    {
        var (caseUsers, caseItems) = BuildCases(dataset.Interactions, split, users, options);
        int width = options.SampledNegatives + 1;
        int cases = caseUsers.Length / width;
        int casesPerChunk = Math.Max(1, options.PairsPerChunk / width);
        var accuracy = RecommenderEvaluator.Accumulators(options);
        for (int start = 0; start < cases; start += casesPerChunk)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(casesPerChunk, cases - start);
            foreach (long rank in Ranks(model, caseUsers.AsSpan(start * width, count * width), caseItems.AsSpan(start * width, count * width), width))
            {
                foreach (var acc in accuracy) acc.AddRank((int)rank);
            }
        }
        return accuracy.Select(a => a.Result()).ToArray();
    }

    private static long[] Ranks(IRecommender model, ReadOnlySpan<int> users, ReadOnlySpan<int> items, int width)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var scores = model.PairLogits(TorchRuntime.Indices(users, model.Device), TorchRuntime.Indices(items, model.Device)).view(-1, width);
        var positive = scores.narrow(1, 0, 1);
        var beaten = scores.narrow(1, 1, width - 1).ge(positive).sum(1);
        return (beaten + 1).cpu().data<long>().ToArray();
    }

    /// <summary>Flat (user, item) rows of width N + 1, the positive first; deterministic in the seed.</summary>
    private static (int[] Users, int[] Items) BuildCases(InteractionMatrix all, DatasetSplit split, int[] users, EvaluationOptions options)
    {
        int width = options.SampledNegatives + 1;
        int cases = users.Sum(u => split.HeldOutOf(u).Length);
        var caseUsers = new int[cases * width];
        var caseItems = new int[cases * width];
        var sampler = new NegativeSampler(all);
        var random = new Random(options.Seed);
        var seen = new HashSet<int>();
        int k = 0;
        foreach (int u in users)
        {
            bool distinct = all.ItemCount - all.CountOf(u) >= options.SampledNegatives;
            foreach (int positive in split.HeldOutOf(u))
            {
                caseUsers.AsSpan(k, width).Fill(u);
                caseItems[k++] = positive;
                seen.Clear();
                for (int n = 0; n < options.SampledNegatives; n++)
                {
                    int item;
                    do item = sampler.Sample(u, random); while (distinct && !seen.Add(item));
                    caseItems[k++] = item;
                }
            }
        }
        return (caseUsers, caseItems);
    }
}
