namespace RecSaeExplorer.Engine.Sae;

public enum SaeActivation
{
    /// <summary>ReLU; sparsity comes from the KL and/or L1 terms (the paper's choice).</summary>
    Relu,

    /// <summary>Exactly <see cref="SaeConfig.K"/> active latents per vector.</summary>
    TopK,

    /// <summary>K × batch active latents per batch while training; a learned threshold at inference.</summary>
    BatchTopK,
}

/// <summary>What the prediction-aware term compares (original vs reconstructed scores of the same pairs).</summary>
public enum PredictionLossKind
{
    /// <summary>MSE of sigmoid outputs (the paper's NCF term).</summary>
    ProbabilityMse,

    /// <summary>MSE of logits, i.e. of the score matrices (the paper's MF term): differences between high-scoring items are not squashed by the sigmoid.</summary>
    LogitMse,

    /// <summary>BCE of the reconstructed logits against the original probability as a soft label.</summary>
    SoftBce,

    /// <summary>T² · KL(softmax(orig / T) ‖ softmax(recon / T)) per user over its items: a listwise term.</summary>
    Listwise,

    /// <summary>Logit MSE with each pair weighted by 1 + n · softmax(orig / T) over the user's items.</summary>
    TopWeighted,
}

/// <summary>Which (user, item) pairs the prediction-aware term scores.</summary>
public enum PredictionPairs
{
    /// <summary>Every pair of the user batch × the item batch (the paper's MF setting).</summary>
    Block,

    /// <summary>Per user, training positives and uniform negatives (the paper's NCF setting).</summary>
    Sampled,

    /// <summary>Per user, its top-scored unseen items under the original model plus random items: focuses on the head of each list.</summary>
    TopCandidates,
}

/// <summary>
/// Everything that determines one SAE run on a frozen recommender (METHOD.md §3). Same config, same
/// recommender, same split ⇒ the same weights. <see cref="Preset"/> is only a label.
/// </summary>
public sealed record SaeConfig
{
    public string Preset { get; init; } = "custom";

    /// <summary>Latent width m.</summary>
    public int Width { get; init; } = 22;

    public SaeActivation Activation { get; init; } = SaeActivation.Relu;

    /// <summary>Active latents per vector for TopK / BatchTopK.</summary>
    public int K { get; init; } = 8;

    /// <summary>Decoder = encoderᵀ (the paper's choice).</summary>
    public bool TiedDecoder { get; init; } = true;

    /// <summary>Renormalize decoder directions to unit length after every step.</summary>
    public bool UnitNormDecoder { get; init; }

    /// <summary>Standardize each input vector (subtract its mean, divide by its std; undone after decoding): the paper's MF variant.</summary>
    public bool Standardize { get; init; }

    /// <summary>
    /// Scale each input vector to unit length (undone after decoding). The code then reads directions only,
    /// the geometry the embedding-cosine monosemanticity score judges; standardizing also centres each vector,
    /// which turns cosine into correlation.
    /// </summary>
    public bool UnitNormInput { get; init; }

    /// <summary>A learned bias subtracted before encoding and added after decoding.</summary>
    public bool PreBias { get; init; } = true;

    /// <summary>Nested prefixes (e.g. 20, 40, 80): the reconstruction loss is summed over decodes from each prefix. Empty = off.</summary>
    public IReadOnlyList<int> MatryoshkaPrefixes { get; init; } = [];

    public double Alpha { get; init; } = 1;
    public double Beta { get; init; } = 1;
    public double LambdaKl { get; init; }
    public double KlTarget { get; init; } = 0.05;
    public double LambdaL1 { get; init; }

    /// <summary>AuxK coefficient (TopK/BatchTopK): dead latents reconstruct the residual. 0 = off.</summary>
    public double AuxCoefficient { get; init; }

    /// <summary>Latents allowed in the AuxK reconstruction.</summary>
    public int AuxK { get; init; } = 32;

    /// <summary>A latent that has not fired for this many steps counts as dead (AuxK).</summary>
    public int DeadAfterSteps { get; init; } = 50;

    /// <summary>Resample rarely firing latents every this many steps (0 = off); see <c>LatentResampler</c>.</summary>
    public int ResampleEvery { get; init; }

    /// <summary>A latent firing on fewer than this share of the training vectors (users and items) is resampled.</summary>
    public double ResampleBelow { get; init; } = 0.01;

    /// <summary>Resampling stops after this share of the steps, so the last latents have time to settle.</summary>
    public double ResampleUntil { get; init; } = 0.5;

    public PredictionLossKind PredictionLoss { get; init; } = PredictionLossKind.ProbabilityMse;
    public PredictionPairs PredictionPairs { get; init; } = PredictionPairs.Block;

    /// <summary>Softmax temperature of the listwise and top-weighted terms (on logits).</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Sampled pairs: positives (and as many negatives) per user.</summary>
    public int SampledPositives { get; init; } = 4;

    /// <summary>Top candidates: the user's best unseen items under the original model, and extra random items.</summary>
    public int TopCandidates { get; init; } = 50;
    public int RandomCandidates { get; init; } = 50;

    public double LearningRate { get; init; } = 1e-3;
    public int UserBatch { get; init; } = 256;

    /// <summary>Items per step (cycled through a shuffled catalogue); 0 = all items every step.</summary>
    public int ItemBatch { get; init; } = 256;

    /// <summary>Passes over the training users; ignored when <see cref="Steps"/> is positive.</summary>
    public int Epochs { get; init; } = 18;

    /// <summary>Optimizer steps; 0 = <see cref="Epochs"/> passes over the training users.</summary>
    public int Steps { get; init; }

    public int Seed { get; init; } = 1;
    public string Device { get; init; } = "cpu";
    /// <summary>LibTorch intra-op threads; 0 = one per core. 1 by default: see docs/decisions.md (threads).</summary>
    public int Threads { get; init; } = 1;

    public bool UsesTopK => Activation is SaeActivation.TopK or SaeActivation.BatchTopK;

    /// <summary>Throws with a readable message when values do not fit together.</summary>
    public void Validate()
    {
        Check(Width > 0, "width must be positive");
        Check(!(Standardize && UnitNormInput), "choose standardized or unit-norm inputs, not both");
        Check(!UsesTopK || (K > 0 && K <= Width), "K must lie in 1..width");
        Check(MatryoshkaPrefixes.All(p => p > 0 && p <= Width), "Matryoshka prefixes must lie in 1..width");
        Check(MatryoshkaPrefixes.Zip(MatryoshkaPrefixes.Skip(1)).All(t => t.First < t.Second), "Matryoshka prefixes must increase");
        Check(Alpha >= 0 && Beta >= 0 && LambdaKl >= 0 && LambdaL1 >= 0 && AuxCoefficient >= 0, "loss weights must not be negative");
        Check(KlTarget is > 0 and < 1, "the KL target must lie in (0, 1)");
        Check(Temperature > 0, "the temperature must be positive");
        Check(LearningRate > 0 && UserBatch > 0 && ItemBatch >= 0, "learning rate and batch sizes must be positive");
        Check(Steps > 0 || Epochs > 0, "give steps or epochs");
        Check(PredictionPairs != PredictionPairs.Sampled || PredictionLoss is not (PredictionLossKind.Listwise or PredictionLossKind.TopWeighted),
            "listwise and top-weighted terms need a list per user (block or top-candidate pairs)");
        Check(SampledPositives > 0 && TopCandidates >= 0 && RandomCandidates >= 0 && TopCandidates + RandomCandidates > 0, "pair counts must be positive");
        Check(AuxK > 0 && DeadAfterSteps > 0 && Threads >= 0, "AuxK, dead window and threads must be positive");
        Check(ResampleEvery >= 0 && ResampleBelow is >= 0 and < 1 && ResampleUntil is >= 0 and <= 1,
            "resampling needs a period ≥ 0 and shares in [0, 1)");
    }

    private static void Check(bool ok, string message)
    {
        if (!ok) throw new ArgumentException($"Invalid SAE config: {message}.");
    }
}
