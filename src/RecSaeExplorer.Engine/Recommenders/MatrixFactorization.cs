using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Recommenders;

/// <summary>
/// Logistic MF with biases: logit(u, i) = b + b_u + b_i + p_u · q_i (METHOD.md §2). Factors start
/// N(0, initStd²) from <c>generator</c> (the global torch generator when null); biases start at 0.
/// </summary>
public sealed class MatrixFactorization : RecommenderModule
{
    private readonly Embedding _userBias;
    private readonly Embedding _itemBias;
    private readonly Parameter _globalBias;

    public MatrixFactorization(int userCount, int itemCount, int dim, double initStd = 0.1, Generator? generator = null,
        bool sparseGradients = false)
        : base(nameof(MatrixFactorization), userCount, itemCount, dim, initStd, generator, sparseGradients)
    {
        _userBias = nn.Embedding(userCount, 1, sparse: sparseGradients);
        _itemBias = nn.Embedding(itemCount, 1, sparse: sparseGradients);
        _globalBias = nn.Parameter(zeros(1));
        using (no_grad())
        {
            _userBias.weight!.zero_();
            _itemBias.weight!.zero_();
        }
        register_module("user_bias", _userBias);
        register_module("item_bias", _itemBias);
        register_parameter("global_bias", _globalBias);
    }

    public override RecommenderModel Model => RecommenderModel.Mf;

    public override Tensor PairLogits(Tensor users, Tensor items) =>
        PairLogitsFrom(new(UserTable.forward(users), users), new(ItemTable.forward(items), items));

    public override Tensor BlockLogits(Tensor users, Tensor items) =>
        BlockLogitsFrom(new(UserTable.forward(users), users), new(ItemTable.forward(items), items));

    public override Tensor PairLogitsFrom(EmbeddingBatch users, EmbeddingBatch items)
    {
        var logits = (users.Embeddings * items.Embeddings).sum(1) + _globalBias;
        if (users.Indices is { } u) logits = logits + _userBias.forward(u).squeeze(1);
        if (items.Indices is { } i) logits = logits + _itemBias.forward(i).squeeze(1);
        return logits;
    }

    public override Tensor BlockLogitsFrom(EmbeddingBatch users, EmbeddingBatch items)
    {
        var logits = users.Embeddings.matmul(items.Embeddings.t()) + _globalBias;
        if (users.Indices is { } u) logits = logits + _userBias.forward(u);            // [nu, 1]
        if (items.Indices is { } i) logits = logits + _itemBias.forward(i).t();        // [1, ni]
        return logits;
    }

    public override RecommenderBiases Biases()
    {
        using var scope = NewDisposeScope();
        return new RecommenderBiases(
            _globalBias.detach().cpu().item<float>(),
            _userBias.weight!.detach().cpu().flatten().data<float>().ToArray(),
            _itemBias.weight!.detach().cpu().flatten().data<float>().ToArray());
    }

    internal override (Tensor Logits, Tensor SquaredNorm) TrainingForward(Tensor users, Tensor items)
    {
        var p = UserTable.forward(users);
        var q = ItemTable.forward(items);
        var bu = _userBias.forward(users).squeeze(1);
        var bi = _itemBias.forward(items).squeeze(1);
        var logits = (p * q).sum(1) + bu + bi + _globalBias;
        var norm = p.square().sum() + q.square().sum() + bu.square().sum() + bi.square().sum();
        return (logits, norm);
    }
}
