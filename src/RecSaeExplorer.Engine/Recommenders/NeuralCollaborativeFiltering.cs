using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Recommenders;

/// <summary>
/// NCF, MLP only (METHOD.md §2): logit(u, i) = MLP([e_u ; e_i]), 2d → hidden... → 1 with ReLU
/// (hidden 64, 32, 16 by default). Embeddings start N(0, initStd²); linear layers U(±1/√fan_in) as
/// in PyTorch; all drawn from <c>generator</c> (the global torch generator when null).
/// </summary>
public sealed class NeuralCollaborativeFiltering : RecommenderModule
{
    public static readonly IReadOnlyList<int> DefaultHidden = [64, 32, 16];

    private readonly Linear[] _hidden;
    private readonly Linear _output;

    public NeuralCollaborativeFiltering(int userCount, int itemCount, int dim, IReadOnlyList<int>? hidden = null,
        double initStd = 0.01, Generator? generator = null, bool sparseGradients = false)
        : base(nameof(NeuralCollaborativeFiltering), userCount, itemCount, dim, initStd, generator, sparseGradients)
    {
        hidden ??= DefaultHidden;
        if (hidden.Count == 0 || hidden.Any(h => h <= 0)) throw new ArgumentException("NCF needs at least one positive hidden width.", nameof(hidden));
        Hidden = hidden.ToArray();
        _hidden = new Linear[hidden.Count];
        long width = 2L * dim;
        for (int k = 0; k < hidden.Count; k++)
        {
            _hidden[k] = nn.Linear(width, hidden[k]);
            register_module($"hidden{k}", _hidden[k]);
            width = hidden[k];
        }
        _output = nn.Linear(width, 1);
        register_module("output", _output);
        foreach (var layer in _hidden.Append(_output)) Reinitialize(layer, generator);
    }

    /// <summary>PyTorch's default Linear init, redrawn so it comes from the model's own generator.</summary>
    private static void Reinitialize(Linear layer, Generator? generator)
    {
        double bound = 1 / Math.Sqrt(layer.in_features);
        using var noGrad = no_grad();
        layer.weight!.uniform_(-bound, bound, generator);
        layer.bias!.uniform_(-bound, bound, generator);
    }

    public IReadOnlyList<int> Hidden { get; }

    public override RecommenderModel Model => RecommenderModel.Ncf;

    public override Tensor PairLogits(Tensor users, Tensor items) =>
        PairLogitsFrom(new(UserTable.forward(users)), new(ItemTable.forward(items)));

    public override Tensor BlockLogits(Tensor users, Tensor items) =>
        BlockLogitsFrom(new(UserTable.forward(users)), new(ItemTable.forward(items)));

    public override Tensor PairLogitsFrom(EmbeddingBatch users, EmbeddingBatch items) =>
        Tail(nn.functional.relu(_hidden[0].forward(cat([users.Embeddings, items.Embeddings], 1))));

    /// <summary>
    /// Splits the first layer W = [W_u | W_i] so the user and item halves are projected once each and
    /// broadcast-added, instead of materializing nu × ni concatenated inputs.
    /// </summary>
    public override Tensor BlockLogitsFrom(EmbeddingBatch users, EmbeddingBatch items)
    {
        var w = _hidden[0].weight!;
        var userPart = users.Embeddings.matmul(w.narrow(1, 0, EmbeddingDim).t());                  // [nu, h]
        var itemPart = nn.functional.linear(items.Embeddings, w.narrow(1, EmbeddingDim, EmbeddingDim), _hidden[0].bias); // [ni, h]
        return Tail(nn.functional.relu(userPart.unsqueeze(1) + itemPart.unsqueeze(0)));                // [nu, ni]
    }

    public override RecommenderBiases? Biases() => null;

    internal override (Tensor Logits, Tensor SquaredNorm) TrainingForward(Tensor users, Tensor items)
    {
        var eu = UserTable.forward(users);
        var ei = ItemTable.forward(items);
        return (PairLogitsFrom(new(eu), new(ei)), eu.square().sum() + ei.square().sum());
    }

    /// <summary>The layers after the first (already applied and activated) one.</summary>
    private Tensor Tail(Tensor x)
    {
        for (int k = 1; k < _hidden.Length; k++) x = nn.functional.relu(_hidden[k].forward(x));
        return _output.forward(x).squeeze(-1);
    }
}
