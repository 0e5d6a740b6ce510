using RecSaeExplorer.Engine.Recommenders;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Support;

/// <summary>A stand-in recommender whose logits are a given user × item matrix (for evaluator tests).</summary>
internal sealed class FixedScoreRecommender(float[,] scores) : IRecommender
{
    private readonly Tensor _scores = torch.tensor(scores);

    public RecommenderModel Model => RecommenderModel.Mf;
    public int UserCount => scores.GetLength(0);
    public int ItemCount => scores.GetLength(1);
    public int EmbeddingDim => 1;
    public Device Device => CPU;

    public Tensor UserEmbeddings(Tensor? users = null) => throw new NotSupportedException();
    public Tensor ItemEmbeddings(Tensor? items = null) => throw new NotSupportedException();
    public Tensor PairLogits(Tensor users, Tensor items) => _scores.index([users, items]);
    public Tensor BlockLogits(Tensor users, Tensor items) => _scores.index_select(0, users).index_select(1, items);
    public Tensor PairLogitsFrom(EmbeddingBatch users, EmbeddingBatch items) => throw new NotSupportedException();
    public Tensor BlockLogitsFrom(EmbeddingBatch users, EmbeddingBatch items) => throw new NotSupportedException();
    public RecommenderBiases? Biases() => null;
    public void Freeze() { }
    public void SaveWeights(Stream stream) => throw new NotSupportedException();
    public void LoadWeights(Stream stream) => throw new NotSupportedException();
    public void Dispose() => _scores.Dispose();
}
