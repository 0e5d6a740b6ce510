namespace RecSaeExplorer.Engine.Recommenders.Training;

public enum OptimizerKind { Sgd, Adam }

/// <summary>How the L2 coefficient is applied.</summary>
public enum L2Mode
{
    /// <summary>
    /// Explicit penalty λ · (sum of squares of the embedding and bias rows a batch uses), divided by
    /// the batch size under <see cref="LossReduction.Mean"/>, added to the loss: rows regularize in
    /// proportion to how often they are trained, as in classic MF. (NCF: embeddings only, not the MLP.)
    /// </summary>
    Penalty,

    /// <summary>
    /// Half the explicit penalty, λ/2 · (sum of squares of the rows a batch uses): its gradient is λθ per
    /// occurrence, the update of per-example SGD-MF with "L2 = λ" (the research code's MF). Reduced like
    /// <see cref="Penalty"/>.
    /// </summary>
    SgdDecay,

    /// <summary>The optimizer's weight_decay = λ on every parameter, every step (PyTorch semantics).</summary>
    WeightDecay,
}

/// <summary>How a batch's per-pair losses (and L2 penalty) are combined.</summary>
public enum LossReduction
{
    /// <summary>Mean over the batch (PyTorch's default): the step size does not depend on the batch size.</summary>
    Mean,

    /// <summary>
    /// Sum over the batch: every pair moves its rows as much as in per-example SGD, so classic
    /// SGD-MF learning rates (0.05 with L2 0.01) mean what they say.
    /// </summary>
    Sum,
}

/// <summary>
/// Everything that determines a training run. Same config, same dataset split, same machine ⇒ the
/// same weights. <see cref="Preset"/> is only a label ("paper", "tuned", "custom").
/// </summary>
public sealed record RecommenderConfig
{
    public RecommenderModel Model { get; init; } = RecommenderModel.Mf;
    public string Preset { get; init; } = "custom";
    public int EmbeddingDim { get; init; } = 20;

    /// <summary>NCF hidden widths after the 2d input (ignored by MF).</summary>
    public IReadOnlyList<int> Hidden { get; init; } = NeuralCollaborativeFiltering.DefaultHidden;

    /// <summary>Standard deviation of the normal initialization of embeddings.</summary>
    public double InitStd { get; init; } = 0.1;

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;
    public double LearningRate { get; init; } = 0.05;
    public double L2 { get; init; } = 0.01;
    public L2Mode L2Mode { get; init; } = L2Mode.Penalty;
    public LossReduction Reduction { get; init; } = LossReduction.Mean;
    public int BatchSize { get; init; } = 256;
    public int Epochs { get; init; } = 10;

    /// <summary>Fresh uniform negatives per training positive, re-sampled every epoch.</summary>
    public int NegativesPerPositive { get; init; } = 1;

    /// <summary>Seeds torch (initialization) and the negative sampler.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>"cpu" (default), "cuda", "cuda:1", ...</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>LibTorch intra-op threads; 0 = one per core. 1 by default: see docs/decisions.md (threads).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Throws with a readable message when a value is out of range.</summary>
    public void Validate()
    {
        Check(EmbeddingDim > 0, "embedding dimension must be positive");
        Check(InitStd > 0, "init std must be positive");
        Check(LearningRate > 0, "learning rate must be positive");
        Check(L2 >= 0, "L2 must not be negative");
        Check(BatchSize > 0, "batch size must be positive");
        Check(Epochs > 0, "epochs must be positive");
        Check(NegativesPerPositive >= 0, "negatives per positive must not be negative");
        Check(Threads >= 0, "threads must not be negative");
        Check(Model != RecommenderModel.Ncf || (Hidden.Count > 0 && Hidden.All(h => h > 0)), "NCF needs positive hidden widths");
    }

    private static void Check(bool ok, string message)
    {
        if (!ok) throw new ArgumentException($"Invalid recommender config: {message}.");
    }
}
