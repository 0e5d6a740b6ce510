using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Recommenders;

/// <summary>
/// What MF and NCF share: a user and an item embedding table, weight persistence, freezing.
/// <c>forward(users, items)</c> is <see cref="PairLogits"/>.
/// </summary>
public abstract class RecommenderModule : nn.Module<Tensor, Tensor, Tensor>, IRecommender
{
    private protected readonly Embedding UserTable;
    private protected readonly Embedding ItemTable;

    /// <param name="sparseGradients">Tables hand backward a sparse gradient of the looked-up rows instead
    /// of a dense zero-filled table (what <see cref="Optimization.FusedAdam"/> trains fastest from).</param>
    private protected RecommenderModule(string name, int userCount, int itemCount, int dim, double initStd, Generator? generator,
        bool sparseGradients)
        : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(userCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dim);
        UserCount = userCount;
        ItemCount = itemCount;
        EmbeddingDim = dim;
        UserTable = nn.Embedding(userCount, dim, sparse: sparseGradients);
        ItemTable = nn.Embedding(itemCount, dim, sparse: sparseGradients);
        // Tensor.normal_ rather than nn.init.normal_: the latter ignores the generator (TorchSharp 0.107).
        using (no_grad())
        {
            UserTable.weight!.normal_(0, initStd, generator);
            ItemTable.weight!.normal_(0, initStd, generator);
        }
        register_module("user_embedding", UserTable);
        register_module("item_embedding", ItemTable);
    }

    public abstract RecommenderModel Model { get; }
    public int UserCount { get; }
    public int ItemCount { get; }
    public int EmbeddingDim { get; }
    public Device Device => UserTable.weight!.device;

    public Tensor UserEmbeddings(Tensor? users = null) => Rows(UserTable, users);
    public Tensor ItemEmbeddings(Tensor? items = null) => Rows(ItemTable, items);

    public override Tensor forward(Tensor users, Tensor items) => PairLogits(users, items);

    public abstract Tensor PairLogits(Tensor users, Tensor items);
    public abstract Tensor BlockLogits(Tensor users, Tensor items);
    public abstract Tensor PairLogitsFrom(EmbeddingBatch users, EmbeddingBatch items);
    public abstract Tensor BlockLogitsFrom(EmbeddingBatch users, EmbeddingBatch items);
    public abstract RecommenderBiases? Biases();

    /// <summary>
    /// Logits of aligned pairs plus the sum of squares of every parameter row the pairs used, for an
    /// explicit L2 penalty on just the rows a batch touched.
    /// </summary>
    internal abstract (Tensor Logits, Tensor SquaredNorm) TrainingForward(Tensor users, Tensor items);

    public void Freeze()
    {
        foreach (var p in parameters()) p.requires_grad = false;
        eval();
    }

    // Module.save/load(Stream) close the stream; the writer/reader overloads with leaveOpen do not.
    public void SaveWeights(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        save(writer);
        writer.Flush();
    }

    public void LoadWeights(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        load(reader, strict: true);
    }

    private static Tensor Rows(Embedding table, Tensor? indices)
    {
        var all = table.weight!.detach();
        if (indices is null) return all;
        using (all) return all.index_select(0, indices);
    }
}
