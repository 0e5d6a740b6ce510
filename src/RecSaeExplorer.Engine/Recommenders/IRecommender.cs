using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Recommenders;

/// <summary>
/// What the rest of the product needs from a trained recommender. Scores are logits (apply sigmoid
/// for probabilities); ranking by logits equals ranking by probabilities.
/// <para>
/// The <c>...From</c> methods score <em>given</em> embeddings, so the SAE can push reconstructed or
/// edited embeddings through the frozen model and get gradients with respect to them. Biases belong
/// to a user or item <em>index</em>, not to its embedding: pass the indices in
/// <see cref="EmbeddingBatch"/> to add them (MF), or leave them out to score the embedding part only
/// (MF: global bias plus dot product). For score differences between original and reconstructed
/// embeddings of the same indices the bias terms cancel, so either way works. NCF has no biases
/// outside its MLP and ignores the indices.
/// </para>
/// <para>Returned tensors belong to the caller (use a dispose scope).</para>
/// </summary>
public interface IRecommender : IDisposable
{
    RecommenderModel Model { get; }
    int UserCount { get; }
    int ItemCount { get; }
    int EmbeddingDim { get; }
    Device Device { get; }

    /// <summary>User embeddings [n, d] of <paramref name="users"/> (all users when null), detached from the model.</summary>
    Tensor UserEmbeddings(Tensor? users = null);

    /// <summary>Item embeddings [n, d] of <paramref name="items"/> (all items when null), detached from the model.</summary>
    Tensor ItemEmbeddings(Tensor? items = null);

    /// <summary>Logits [n] of aligned pairs (users[k], items[k]); int64 index tensors.</summary>
    Tensor PairLogits(Tensor users, Tensor items);

    /// <summary>Logits [nu, ni] of every user of <paramref name="users"/> with every item of <paramref name="items"/>.</summary>
    Tensor BlockLogits(Tensor users, Tensor items);

    /// <summary>Logits [n] of aligned pairs of given embeddings (both [n, d]); differentiable in the embeddings.</summary>
    Tensor PairLogitsFrom(EmbeddingBatch users, EmbeddingBatch items);

    /// <summary>Logits [nu, ni] of all pairs of given user [nu, d] and item [ni, d] embeddings; differentiable.</summary>
    Tensor BlockLogitsFrom(EmbeddingBatch users, EmbeddingBatch items);

    /// <summary>MF's biases copied to the host; null for models without separate biases (NCF).</summary>
    RecommenderBiases? Biases();

    /// <summary>
    /// Stops gradients into the model's own parameters and switches to evaluation mode; gradients still
    /// flow into embeddings given to the <c>...From</c> methods. Used once the model is trained.
    /// </summary>
    void Freeze();

    /// <summary>Writes the weights (TorchSharp state dict format).</summary>
    void SaveWeights(Stream stream);

    /// <summary>Reads weights written by <see cref="SaveWeights"/> into a model of the same shape.</summary>
    void LoadWeights(Stream stream);
}

/// <summary>Embeddings [n, d] and, optionally, the int64 indices [n] they stand for (for MF biases).</summary>
public readonly record struct EmbeddingBatch(Tensor Embeddings, Tensor? Indices = null);

/// <summary>The bias terms of a logistic MF model.</summary>
public sealed record RecommenderBiases(float Global, float[] User, float[] Item);
