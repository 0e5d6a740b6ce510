using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Explanations;

/// <summary>
/// "Why this recommendation": a user's score for an item split over the SAE neurons of one side's code.
/// With the explained vector written as e = Σ_k n_k + s·b_pre + μ·1 + r (see <see cref="CodeParts"/>) and
/// the other side's embedding o:
/// <list type="bullet">
/// <item>MF, logit = b + b_u + b_i + ⟨e_u, e_i⟩: neuron k contributes ⟨o, n_k⟩; the decoder bias, mean
/// and residual terms are ⟨o, s·b_pre⟩, ⟨o, μ·1⟩ and ⟨o, r⟩. An identity, so the parts sum to the logit.</item>
/// <item>NCF, logit = f(e_u, e_i) is not linear: integrated gradients along the straight path from the
/// empty-code decode e₀ = s·b_pre + μ·1 to e give neuron k ⟨ḡ, n_k⟩ and the residual ⟨ḡ, r⟩ (ḡ the mean
/// gradient over the path); f at e₀ is a term of its own, and the remainder is what the midpoint rule misses.</item>
/// </list>
/// Call through the run's <see cref="TorchExecutor"/> gate.
/// </summary>
public static class ScoreDecomposition
{
    /// <summary>Midpoints of the NCF path integral.</summary>
    public const int PathSteps = 64;

    public static ScoreExplanation Explain(IRecommender recommender, SparseAutoencoder sae, int user, int item, ExplainedSide side = ExplainedSide.Item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(user, recommender.UserCount);
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, recommender.ItemCount);
        using var scope = NewDisposeScope();
        var userIndex = TorchRuntime.Indices([user], recommender.Device);
        var itemIndex = TorchRuntime.Indices([item], recommender.Device);
        var eu = recommender.UserEmbeddings(userIndex);
        var ei = recommender.ItemEmbeddings(itemIndex);
        double score;
        using (no_grad()) score = recommender.PairLogits(userIndex, itemIndex).cpu().item<float>();
        var parts = CodeParts.Of(sae, side == ExplainedSide.Item ? ei : eu);
        var other = side == ExplainedSide.Item ? eu : ei;
        return recommender.Biases() is { } biases
            ? Linear(parts, CodeParts.Host(other), biases, user, item, side, score)
            : PathIntegrated(recommender, parts, other, user, item, side, score);
    }

    private static ScoreExplanation Linear(CodeParts parts, double[] other, RecommenderBiases biases, int user, int item, ExplainedSide side, double score)
    {
        var terms = new List<ScoreTerm>
        {
            new(ScoreTermKind.GlobalBias, biases.Global),
            new(ScoreTermKind.UserBias, biases.User[user]),
            new(ScoreTermKind.ItemBias, biases.Item[item]),
            new(ScoreTermKind.DecoderBias, CodeParts.Dot(other, parts.DecoderBias)),
        };
        if (parts.Mean.Any(m => m != 0)) terms.Add(new(ScoreTermKind.VectorMean, CodeParts.Dot(other, parts.Mean)));
        terms.Add(new(ScoreTermKind.Residual, CodeParts.Dot(other, parts.Residual)));
        return new ScoreExplanation(user, item, side, true, score, Contributions(parts, other), terms);
    }

    private static ScoreExplanation PathIntegrated(IRecommender recommender, CodeParts parts, Tensor other, int user, int item, ExplainedSide side, double score)
    {
        double[] start = parts.EmptyCode;
        var from = tensor(start, device: recommender.Device).to(ScalarType.Float32);
        var delta = tensor(parts.Embedding.Zip(start, (e, s) => e - s).ToArray(), device: recommender.Device).to(ScalarType.Float32);
        var alphas = (arange(PathSteps, device: recommender.Device).to(ScalarType.Float32) + 0.5f) / PathSteps;
        using var grad = enable_grad();
        var path = (from.unsqueeze(0) + alphas.unsqueeze(1) * delta.unsqueeze(0)).detach().requires_grad_(true); // [S, d]
        var others = other.expand(PathSteps, -1);
        var logits = side == ExplainedSide.Item ? recommender.PairLogitsFrom(new(others), new(path)) : recommender.PairLogitsFrom(new(path), new(others));
        logits.sum().backward();
        double[] meanGradient = CodeParts.Host(path.grad!.mean([0]));
        double emptyScore;
        using (no_grad())
        {
            var empty = from.unsqueeze(0);
            emptyScore = (side == ExplainedSide.Item ? recommender.PairLogitsFrom(new(other), new(empty)) : recommender.PairLogitsFrom(new(empty), new(other)))
                .cpu().item<float>();
        }
        var neurons = Contributions(parts, meanGradient);
        double residual = CodeParts.Dot(meanGradient, parts.Residual);
        double remainder = score - emptyScore - residual - neurons.Sum(n => n.Contribution);
        var terms = new List<ScoreTerm> { new(ScoreTermKind.EmptyCode, emptyScore), new(ScoreTermKind.Residual, residual), new(ScoreTermKind.Remainder, remainder) };
        return new ScoreExplanation(user, item, side, false, score, neurons, terms);
    }

    private static NeuronContribution[] Contributions(CodeParts parts, double[] reader) =>
        parts.Neurons.Select((k, a) => new NeuronContribution(k, parts.Activations[a], CodeParts.Dot(reader, parts.NeuronParts[a]))).ToArray();
}
