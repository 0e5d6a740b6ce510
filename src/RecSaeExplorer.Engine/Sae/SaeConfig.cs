using System.Text.Json.Serialization;

namespace RecSaeExplorer.Engine.Sae;

public enum SaeActivation
{
    /// <summary>ReLU; sparsity comes from the KL and/or L1 terms (the paper's choice).</summary>
    Relu,

    /// <summary>Exactly <see cref="SaeArchitecture.K"/> active latents per vector.</summary>
    TopK,

    /// <summary>K × batch active latents per batch while training; a learned threshold at inference.</summary>
    BatchTopK,

    /// <summary>
    /// Expert choice: while training, each latent keeps its K/m share of the batch's largest activations (only positive
    /// ones), so no latent fires on more than that share; at inference a threshold per latent (JumpReLU), set after
    /// training so that each latent fires on at most that share of the training vectors.
    /// </summary>
    ExpertChoice,
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
/// Everything that determines one SAE run on a frozen recommender (METHOD.md §3), in sections like
/// SAELens' config: <see cref="Architecture"/>, <see cref="Loss"/> weights, <see cref="DeadLatents"/>,
/// the <see cref="Prediction"/> term and the <see cref="Schedule"/>. Same config, same recommender, same
/// split ⇒ the same weights. <see cref="Preset"/> is only a label. Stored and exported as one flat JSON
/// object (<see cref="SaeConfigJsonConverter"/>). The SAE trains on its recommender's device.
/// </summary>
[JsonConverter(typeof(SaeConfigJsonConverter))]
public sealed record SaeConfig
{
    public string Preset { get; init; } = "custom";
    public SaeArchitecture Architecture { get; init; } = new();
    public SaeLossWeights Loss { get; init; } = new();
    public SaeDeadLatents DeadLatents { get; init; } = new();
    public SaePrediction Prediction { get; init; } = new();
    public SaeSchedule Schedule { get; init; } = new();
    public int Seed { get; init; } = 1;

    /// <summary>LibTorch intra-op threads; 0 = one per core. 1 by default: see docs/decisions.md (threads).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Throws with a readable message when values do not fit together.</summary>
    public void Validate()
    {
        var (a, l, d, p, s) = (Architecture, Loss, DeadLatents, Prediction, Schedule);
        Check(a.Width > 0, "width must be positive");
        Check(!(a.Standardize && a.UnitNormInput), "choose standardized or unit-norm inputs, not both");
        Check(!a.UsesTopK || (a.K > 0 && a.K <= a.Width), "K must lie in 1..width");
        Check(a.MatryoshkaPrefixes.All(x => x > 0 && x <= a.Width), "Matryoshka prefixes must lie in 1..width");
        Check(a.MatryoshkaPrefixes.Zip(a.MatryoshkaPrefixes.Skip(1)).All(t => t.First < t.Second), "Matryoshka prefixes must increase");
        Check(l.Alpha >= 0 && l.Beta >= 0 && l.LambdaKl >= 0 && l.LambdaL1 >= 0 && d.AuxCoefficient >= 0, "loss weights must not be negative");
        Check(l.KlTarget is > 0 and < 1, "the KL target must lie in (0, 1)");
        Check(p.Temperature > 0, "the temperature must be positive");
        Check(s.LearningRate > 0 && s.UserBatch > 0 && s.ItemBatch >= 0, "learning rate and batch sizes must be positive");
        Check(s.Steps > 0 || s.Epochs > 0, "give steps or epochs");
        Check(p.Pairs != PredictionPairs.Sampled || p.Loss is not (PredictionLossKind.Listwise or PredictionLossKind.TopWeighted),
            "listwise and top-weighted terms need a list per user (block or top-candidate pairs)");
        Check(p.TopCandidates >= 0 && p.RandomCandidates >= 0 && p.TopCandidates + p.RandomCandidates > 0, "pair counts must be positive");
        Check(d.AuxK > 0 && d.DeadAfterSteps > 0 && Threads >= 0, "AuxK, dead window and threads must be positive");
        Check(d.ResampleEvery >= 0 && d.ResampleBelow is >= 0 and < 1 && d.ResampleUntil is >= 0 and <= 1,
            "resampling needs a period ≥ 0 and shares in [0, 1)");
    }

    private static void Check(bool ok, string message)
    {
        if (!ok) throw new ArgumentException($"Invalid SAE config: {message}.");
    }
}

/// <summary>The dictionary and how inputs reach it.</summary>
public sealed record SaeArchitecture
{
    /// <summary>Latent width m.</summary>
    public int Width { get; init; } = 22;

    public SaeActivation Activation { get; init; } = SaeActivation.Relu;

    /// <summary>Active latents per vector for TopK / BatchTopK (on average) / ExpertChoice (on average).</summary>
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

    [JsonIgnore]
    public bool UsesTopK => Activation is SaeActivation.TopK or SaeActivation.BatchTopK or SaeActivation.ExpertChoice;
}

/// <summary>L = α·L_emb + β·L_pred + λ_KL·KL(ρ) + λ_1·L1 (the AuxK term's weight is in <see cref="SaeDeadLatents"/>).</summary>
public sealed record SaeLossWeights
{
    public double Alpha { get; init; } = 1;
    public double Beta { get; init; } = 1;
    public double LambdaKl { get; init; }
    public double KlTarget { get; init; } = 0.05;
    public double LambdaL1 { get; init; }
}

/// <summary>What revives latents that stop firing: the AuxK term (TopK, BatchTopK, ExpertChoice) and resampling.</summary>
public sealed record SaeDeadLatents
{
    /// <summary>AuxK coefficient (TopK, BatchTopK, ExpertChoice): dead latents reconstruct the residual. 0 = off.</summary>
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
}

/// <summary>The prediction-aware term L_pred: what it compares and on which pairs.</summary>
public sealed record SaePrediction
{
    [JsonPropertyName("PredictionLoss")]
    public PredictionLossKind Loss { get; init; } = PredictionLossKind.ProbabilityMse;

    [JsonPropertyName("PredictionPairs")]
    public PredictionPairs Pairs { get; init; } = PredictionPairs.Block;

    /// <summary>Softmax temperature of the listwise and top-weighted terms (on logits).</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Top candidates: the user's best unseen items under the original model, and extra random items.</summary>
    public int TopCandidates { get; init; } = 50;
    public int RandomCandidates { get; init; } = 50;
}

/// <summary>The optimizer and the batches.</summary>
public sealed record SaeSchedule
{
    public double LearningRate { get; init; } = 1e-3;
    public int UserBatch { get; init; } = 256;

    /// <summary>Items per step (cycled through a shuffled catalogue); 0 = all items every step.</summary>
    public int ItemBatch { get; init; } = 256;

    /// <summary>Passes over the training users; ignored when <see cref="Steps"/> is positive.</summary>
    public int Epochs { get; init; } = 18;

    /// <summary>Optimizer steps; 0 = <see cref="Epochs"/> passes over the training users.</summary>
    public int Steps { get; init; }
}
