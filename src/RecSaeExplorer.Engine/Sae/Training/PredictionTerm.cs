using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Training;

/// <summary>
/// L_pred (METHOD.md §3): scores the same pairs with the frozen recommender from original and from
/// reconstructed embeddings and compares them; gradients reach the SAE through the recommender.
/// Original scores never need gradients, so they are computed under no_grad.
/// </summary>
internal sealed class PredictionTerm(IRecommender recommender, SparseAutoencoder sae, SaeEmbeddings data,
    InteractionMatrix train, SaeConfig config, int[][]? topCandidates)
{
    /// <summary>Sampled pairs: positives (and as many negatives) per user.</summary>
    private const int SampledPositives = 4;

    private readonly NegativeSampler _negatives = new(train);

    /// <summary>The unweighted term for one step (β is applied by the caller).</summary>
    public Tensor Compute(StepBatch batch, Random random) => config.Prediction.Pairs switch
    {
        PredictionPairs.Block => Block(batch),
        PredictionPairs.Sampled => Pairs(batch, SampledItems(batch.Users, random), 2 * SampledPositives),
        PredictionPairs.TopCandidates => Pairs(batch, CandidateItems(batch.Users, random), config.Prediction.TopCandidates + config.Prediction.RandomCandidates),
        _ => throw new ArgumentOutOfRangeException(nameof(batch)),
    };

    private Tensor Block(StepBatch b)
    {
        Tensor original;
        using (no_grad()) original = recommender.BlockLogitsFrom(new(b.UserEmbeddings, b.UserIndex), new(b.ItemEmbeddings, b.ItemIndex));
        var reconstructed = recommender.BlockLogitsFrom(new(b.UserReconstruction, b.UserIndex), new(b.ItemReconstruction, b.ItemIndex));
        return ScoreComparison.Loss(config.Prediction.Loss, original, reconstructed, config.Prediction.Temperature);
    }

    /// <summary>Scores <paramref name="perUser"/> items of each user (a flat [users × perUser] item list) as aligned pairs.</summary>
    private Tensor Pairs(StepBatch b, int[] items, int perUser)
    {
        var device = recommender.Device;
        var itemIndex = TorchRuntime.Indices(items, device);
        var itemEmbeddings = data.Items.index_select(0, itemIndex);
        // Many pairs share items: encoding the whole catalogue once is cheaper than encoding every pair's item.
        var itemReconstruction = items.Length > data.Items.shape[0]
            ? sae.forward(data.Items).index_select(0, itemIndex)
            : sae.forward(itemEmbeddings);
        var userIndex = b.UserIndex.repeat_interleave(perUser);
        var userEmbeddings = b.UserEmbeddings.repeat_interleave(perUser, 0);
        var userReconstruction = b.UserReconstruction.repeat_interleave(perUser, 0);
        Tensor original;
        using (no_grad()) original = recommender.PairLogitsFrom(new(userEmbeddings, userIndex), new(itemEmbeddings, itemIndex)).view(-1, perUser);
        var reconstructed = recommender.PairLogitsFrom(new(userReconstruction, userIndex), new(itemReconstruction, itemIndex)).view(-1, perUser);
        return ScoreComparison.Loss(config.Prediction.Loss, original, reconstructed, config.Prediction.Temperature);
    }

    /// <summary>Per user: P training positives (with repeats when it has fewer) and P uniform negatives.</summary>
    private int[] SampledItems(int[] users, Random random)
    {
        int p = SampledPositives;
        var items = new int[users.Length * 2 * p];
        int k = 0;
        foreach (int u in users)
        {
            var positives = train.ItemsOf(u);
            for (int j = 0; j < p; j++) items[k++] = positives.IsEmpty ? random.Next(train.ItemCount) : positives[random.Next(positives.Length)];
            for (int j = 0; j < p; j++) items[k++] = _negatives.Sample(u, random);
        }
        return items;
    }

    /// <summary>Per user: its precomputed best unseen items under the original model, then uniform random items.</summary>
    private int[] CandidateItems(int[] users, Random random)
    {
        int top = config.Prediction.TopCandidates, extra = config.Prediction.RandomCandidates;
        var items = new int[users.Length * (top + extra)];
        int k = 0;
        foreach (int u in users)
        {
            var best = topCandidates![u];
            for (int j = 0; j < top; j++) items[k++] = best[j % best.Length];
            for (int j = 0; j < extra; j++) items[k++] = random.Next(train.ItemCount);
        }
        return items;
    }
}
