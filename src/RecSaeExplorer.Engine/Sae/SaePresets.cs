using RecSaeExplorer.Engine.Recommenders;

namespace RecSaeExplorer.Engine.Sae;

/// <summary>
/// Named SAE configs. <c>paper</c> is the research configuration of METHOD.md §3 (ReLU + KL, tied,
/// m = 22 for d = 20); <c>topk</c> keeps the highest fidelity (TopK, K = 16, m = 128 for d ≤ 32,
/// standardized inputs, untied unit-norm decoder, AuxK, a listwise prediction term on each user's top
/// unseen candidates, 4,000 steps); <c>compact</c> is the TopK recipe on raw inputs with a narrow
/// dictionary, so its latents stay in use; <c>balanced</c> is expert choice (MF, with the paper's prediction term) or
/// BatchTopK (NCF) on the paper's width, the best joint fidelity and monosemanticity found on the paper's recommenders.
/// Why each setting, measured on which recommender: docs/decisions.md. Override single fields with <c>with { Section = config.Section with { ... } }</c>; people override them through <c>SaeOverrides</c>.
/// </summary>
public static class SaePresets
{
    public const string Paper = "paper";
    public const string TopK = "topk";
    public const string Matryoshka = "matryoshka";
    public const string Compact = "compact";
    public const string Balanced = "balanced";

    public static IReadOnlyList<string> Names { get; } = [Paper, TopK, Matryoshka, Compact, Balanced];

    public static SaeConfig Get(string preset, RecommenderModel model, int inputDim) =>
        preset.Trim().ToLowerInvariant() switch
        {
            Paper => PaperConfig(model, inputDim),
            TopK => TopKConfig(model, inputDim),
            Matryoshka => MatryoshkaConfig(model, inputDim),
            Compact => CompactConfig(model, inputDim),
            Balanced => BalancedConfig(model, inputDim),
            _ => throw new ArgumentException($"Unknown SAE preset '{preset}'; use {string.Join(", ", Names)}."),
        };

    /// <summary>m = 22 for d = 20 and 70 for d = 100 (the paper's); other widths scale like d = 20.</summary>
    public static int PaperWidth(int inputDim) => inputDim switch
    {
        20 => 22,
        100 => 70,
        _ => (int)Math.Round(1.1 * inputDim),
    };

    /// <summary>
    /// METHOD.md §3. MF: α = 0.1, β = 1, λ_KL = 0.01, standardized inputs, L_pred the MSE of the block's
    /// score (logit) matrices; NCF: α = 2, β = 10, λ_KL = 0.07, L_pred the MSE of the sigmoid outputs on
    /// sampled pairs. Both: ReLU, tied decoder with a pre-bias, KL target 0.05, Adam 1e-3, 256 users and a
    /// cycled batch of 256 items per step, 18 epochs.
    /// </summary>
    private static SaeConfig PaperConfig(RecommenderModel model, int inputDim)
    {
        bool mf = model == RecommenderModel.Mf;
        return new SaeConfig
        {
            Preset = Paper,
            Architecture = new() { Width = PaperWidth(inputDim), Activation = SaeActivation.Relu, TiedDecoder = true, PreBias = true, Standardize = mf },
            Loss = mf ? new() { Alpha = 0.1, Beta = 1, LambdaKl = 0.01, KlTarget = 0.05 } : new() { Alpha = 2, Beta = 10, LambdaKl = 0.07, KlTarget = 0.05 },
            Prediction = mf
                ? new() { Loss = PredictionLossKind.LogitMse, Pairs = PredictionPairs.Block }
                : new() { Loss = PredictionLossKind.ProbabilityMse, Pairs = PredictionPairs.Sampled },
            Schedule = new() { LearningRate = 1e-3, UserBatch = 256, ItemBatch = 256, Epochs = 18 },
        };
    }

    private static SaeConfig TopKConfig(RecommenderModel model, int inputDim) => new()
    {
        Preset = TopK,
        Architecture = new()
        {
            Width = inputDim <= 32 ? 128 : 4 * inputDim, Activation = SaeActivation.TopK, K = 16,
            TiedDecoder = false, UnitNormDecoder = true, PreBias = true, Standardize = true,
        },
        Loss = new() { Alpha = 1, Beta = 10 },
        DeadLatents = new() { AuxCoefficient = 1.0 / 32, AuxK = 32, DeadAfterSteps = 50 },
        Prediction = new()
        {
            Loss = PredictionLossKind.Listwise, Pairs = PredictionPairs.TopCandidates, Temperature = 1,
            // NCF scores every pair through its MLP: fewer candidates keep its steps affordable.
            TopCandidates = model == RecommenderModel.Mf ? 50 : 30, RandomCandidates = model == RecommenderModel.Mf ? 50 : 20,
        },
        Schedule = new() { LearningRate = 3e-3, UserBatch = 256, ItemBatch = 512, Steps = 4000 },
    };

    /// <summary>The TopK recipe with nested prefixes (m/4, m/2, m): early latents broad, later ones niche.</summary>
    private static SaeConfig MatryoshkaConfig(RecommenderModel model, int inputDim)
    {
        var topK = TopKConfig(model, inputDim);
        int m = topK.Architecture.Width;
        return topK with { Preset = Matryoshka, Architecture = topK.Architecture with { MatryoshkaPrefixes = [m / 4, m / 2, m] } };
    }

    /// <summary>
    /// The TopK recipe on raw (unstandardized) inputs with a dictionary about as wide as the latents the data
    /// keeps in use (m = 2.4·d for MF, 1.6·d for NCF) and a strong AuxK (1/2).
    /// </summary>
    private static SaeConfig CompactConfig(RecommenderModel model, int inputDim)
    {
        var topK = TopKConfig(model, inputDim);
        return topK with
        {
            Preset = Compact,
            Architecture = topK.Architecture with { Standardize = false, Width = (int)Math.Round((model == RecommenderModel.Mf ? 2.4 : 1.6) * inputDim) },
            DeadLatents = topK.DeadLatents with { AuxCoefficient = 0.5 },
        };
    }

    /// <summary>
    /// Fidelity and monosemanticity together on the paper's recommenders, on the paper's width (m = 22 for d = 20) with
    /// raw inputs and AuxK, K = 16 per 22 latents (scaled with the width). MF: expert choice (each latent fires on at most
    /// K/m of a batch; a calibrated threshold per latent at inference), the paper's prediction term (MSE of the block's
    /// score matrices), 8,000 steps (30 s on the paper MF). NCF: BatchTopK, <c>compact</c>'s listwise term on each user's
    /// top candidates and its 4,000 steps; expert choice there cost 0.06–0.08 RBO for 0.02 more MS (docs/decisions.md).
    /// </summary>
    private static SaeConfig BalancedConfig(RecommenderModel model, int inputDim)
    {
        var compact = CompactConfig(model, inputDim);
        bool mf = model == RecommenderModel.Mf;
        int width = PaperWidth(inputDim);
        return compact with
        {
            Preset = Balanced,
            Architecture = compact.Architecture with
            {
                Activation = mf ? SaeActivation.ExpertChoice : SaeActivation.BatchTopK, Width = width, K = (int)Math.Round(16.0 * width / 22),
            },
            Prediction = mf ? new() { Loss = PredictionLossKind.LogitMse, Pairs = PredictionPairs.Block } : compact.Prediction,
            Schedule = mf ? compact.Schedule with { Steps = 8000 } : compact.Schedule,
        };
    }
}
