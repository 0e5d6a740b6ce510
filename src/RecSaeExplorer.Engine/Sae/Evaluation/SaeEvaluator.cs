using System.Diagnostics;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Interpretability;
using RecSaeExplorer.Core.Metrics;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Evaluation;

/// <summary>Cut-offs of <see cref="SaeEvaluator"/>.</summary>
public sealed record SaeEvaluationOptions
{
    /// <summary>List depth for RBO / Kendall (the paper's 30).</summary>
    public int Depth { get; init; } = RankBiasedOverlap.DefaultDepth;
    public double RboP { get; init; } = RankBiasedOverlap.DefaultP;

    /// <summary>Top items per neuron of the monosemanticity score.</summary>
    public int MonosemanticityTopK { get; init; } = MonosemanticityScore.DefaultTopK;

    /// <summary>K of the HR/NDCG comparison.</summary>
    public int AccuracyK { get; init; } = 10;
}

/// <summary>
/// Fidelity, monosemanticity and health of an SAE on a split's test users (METHOD.md §4): per user,
/// the top-N from original embeddings against the top-N from reconstructed user and item embeddings.
/// </summary>
public static class SaeEvaluator
{
    public static SaeMetrics Evaluate(Dataset dataset, DatasetSplit split, IRecommender recommender, SparseAutoencoder sae,
        SaeEvaluationOptions? options = null, CancellationToken cancellationToken = default) =>
        EvaluateWithLists(dataset, split, recommender, sae, options, cancellationToken).Metrics;

    /// <summary>The metrics and the top-N lists they were computed from, so anyone can recompute them.</summary>
    public static (SaeMetrics Metrics, SaeTopLists Lists) EvaluateWithLists(Dataset dataset, DatasetSplit split, IRecommender recommender,
        SparseAutoencoder sae, SaeEvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SaeEvaluationOptions();
        var clock = Stopwatch.StartNew();
        int[] users = split.TestUsers.ToArray();
        sae.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var userEmbeddings = recommender.UserEmbeddings(TorchRuntime.Indices(users, recommender.Device));
        var itemEmbeddings = recommender.ItemEmbeddings();
        var userCode = sae.Encode(userEmbeddings);
        var itemCode = sae.Encode(itemEmbeddings);
        var userRecon = sae.Reconstruct(userCode);
        var itemRecon = sae.Reconstruct(itemCode);

        int[][] Lists(Tensor u, Tensor i, InteractionMatrix? exclude) =>
            TopLists.Of(recommender, u, users, i, exclude, options.Depth, cancellationToken);
        var honestOriginal = Lists(userEmbeddings, itemEmbeddings, split.Train);
        var honestRecon = Lists(userRecon, itemRecon, split.Train);
        var seenOriginal = Lists(userEmbeddings, itemEmbeddings, null);
        var seenRecon = Lists(userRecon, itemRecon, null);

        var itemZ = Rows(itemCode.Z);
        var userZ = Rows(userCode.Z);
        var codes = itemZ.Concat(userZ).ToArray();
        var itemVectors = Rows(itemEmbeddings);
        int rare = SparsityStats.RareCount(codes, SaeMetrics.RareBelow);
        var msPerNeuron = MonosemanticityScore.PerNeuron(itemZ, ItemSimilarity.EmbeddingCosine(itemVectors), options.MonosemanticityTopK);
        var facets = dataset.Items.Select(i => i.Facets).ToArray();
        var lists = new SaeTopLists(users, honestOriginal, honestRecon, seenOriginal, seenRecon);
        var metrics = new SaeMetrics
        {
            Users = users,
            Depth = options.Depth,
            Honest = Agreement(honestOriginal, honestRecon, options),
            SeenIncluded = Agreement(seenOriginal, seenRecon, options),
            Monosemanticity = msPerNeuron.Length == 0 ? 0 : msPerNeuron.Average(),
            MonosemanticityPerNeuron = msPerNeuron,
            MonosemanticityMetadata = MonosemanticityScore.Mean(itemZ, ItemSimilarity.FacetJaccard(facets), options.MonosemanticityTopK),
            MeanL0 = SparsityStats.MeanL0(codes),
            MeanL0Items = SparsityStats.MeanL0(itemZ),
            MeanL0Users = SparsityStats.MeanL0(userZ),
            DeadLatents = SparsityStats.DeadCount(codes),
            DeadShare = SparsityStats.DeadShare(codes),
            RareLatents = rare,
            RareShare = (double)rare / sae.Width,
            ExplainedVariance = SparsityStats.ExplainedVariance(
                itemVectors.Concat(Rows(userEmbeddings)).ToArray(), Rows(itemRecon).Concat(Rows(userRecon)).ToArray()),
            OriginalAccuracy = Accuracy(split, users, honestOriginal, options.AccuracyK),
            ReconstructedAccuracy = Accuracy(split, users, honestRecon, options.AccuracyK),
            Seconds = clock.Elapsed.TotalSeconds,
        };
        return (metrics, lists);
    }

    private static FidelityScores Agreement(int[][] original, int[][] reconstructed, SaeEvaluationOptions options)
    {
        var agreement = original.Select((list, r) => ListAgreement.Of(list, reconstructed[r], options.RboP, options.Depth)).ToArray();
        return new FidelityScores(agreement.Select(a => a.Rbo).ToArray(), agreement.Select(a => a.RboExt).ToArray(),
            agreement.Select(a => a.Kendall).ToArray());
    }

    /// <summary>HR/NDCG of users with held-out positives; the lists already exclude training positives.</summary>
    private static RankingScores Accuracy(DatasetSplit split, int[] users, int[][] lists, int k)
    {
        var accumulator = new RankingAccumulator(k);
        for (int r = 0; r < users.Length; r++)
        {
            if (split.HeldOutOf(users[r]).Length > 0) accumulator.Add(lists[r], split.HeldOutOf(users[r]));
        }
        return accumulator.Result();
    }

    /// <summary>A [n, m] tensor as host rows.</summary>
    internal static float[][] Rows(Tensor matrix)
    {
        var m = matrix.detach().cpu().contiguous();
        int rows = (int)m.shape[0], cols = (int)m.shape[1];
        float[] flat = m.data<float>().ToArray();
        var result = new float[rows][];
        for (int r = 0; r < rows; r++) result[r] = flat.AsSpan(r * cols, cols).ToArray();
        return result;
    }
}
