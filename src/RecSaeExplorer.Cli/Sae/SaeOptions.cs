using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Engine.Workflows.Requests;

namespace RecSaeExplorer.Cli.Sae;

/// <summary>Options shared by <c>sae train</c> and <c>sae sweep</c>: the recommender, the split and config overrides.</summary>
internal sealed class SaeOptions(string defaultRecPreset = RecommenderPresets.Tuned)
{
    public Option<string?> Recommender { get; } = new("--recommender") { Description = "Recommender run id (default: the newest matching stored run, else train one)." };
    public Option<string> RecPreset { get; } = new("--rec-preset") { Description = "Recommender preset when one must be found or trained.", DefaultValueFactory = _ => defaultRecPreset };
    public Option<int?> RecDim { get; } = new("--rec-dim") { Description = "Embedding dimension of a recommender trained here (overrides the preset's; labelled <preset>-d<dim>)." };
    public Option<int> SplitSeed { get; } = new("--split-seed") { Description = "Seed of the dataset split.", DefaultValueFactory = _ => WorkflowDefaults.SplitSeed };
    public Option<int?> Steps { get; } = new("--steps") { Description = "Override the preset's optimizer steps." };
    public Option<int?> Width { get; } = new("--width") { Description = "Override the latent width m." };
    public Option<int?> K { get; } = new("--k") { Description = "Override K (TopK / BatchTopK / ExpertChoice: active latents per vector, on average for the last two)." };
    public Option<double?> Alpha { get; } = new("--alpha") { Description = "Override α (embedding reconstruction weight)." };
    public Option<double?> LambdaL1 { get; } = new("--l1") { Description = "Override λ₁, the L1 penalty on the code (ReLU sparsity)." };
    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Override the learning rate." };
    public Option<double?> Temperature { get; } = new("--temperature") { Description = "Override the listwise / top-weighted temperature." };
    public Option<double?> AuxCoefficient { get; } = new("--aux") { Description = "Override the AuxK coefficient (TopK: dead latents model the residual)." };
    public Option<int?> DeadAfter { get; } = new("--dead-after") { Description = "Override after how many steps without firing a latent counts as dead (AuxK)." };
    public Option<SaeActivation?> Activation { get; } = new("--activation") { Description = "Override the activation (Relu, TopK, BatchTopK, ExpertChoice)." };
    public Option<PredictionLossKind?> PredictionLoss { get; } = new("--pred-loss") { Description = "Override L_pred (ProbabilityMse, LogitMse, SoftBce, Listwise, TopWeighted)." };
    public Option<PredictionPairs?> Pairs { get; } = new("--pairs") { Description = "Override the L_pred pairs (Block, Sampled, TopCandidates)." };
    public Option<bool?> Standardize { get; } = new("--standardize") { Description = "Override per-vector input standardization (true/false)." };
    public Option<bool?> Tied { get; } = new("--tied") { Description = "Override the decoder tie (true: decoder = encoderᵀ)." };
    public Option<bool?> UnitNorm { get; } = new("--unit-norm") { Description = "Override unit-length input scaling (true/false; excludes --standardize true)." };
    public Option<int?> ResampleEvery { get; } = new("--resample-every") { Description = "Resample latents firing on under --resample-below of the vectors every N steps, until --resample-until of the steps (0 = off)." };
    public Option<double?> ResampleBelow { get; } = new("--resample-below") { Description = "Share of training vectors under which a latent is resampled." };
    public Option<double?> ResampleUntil { get; } = new("--resample-until") { Description = "Share of the steps after which resampling stops." };
    public Option<int> Threads { get; } = new("--threads") { Description = "LibTorch threads (0: one per core; default 1, which stays fast when another process competes for the cores).", DefaultValueFactory = _ => WorkflowDefaults.Threads };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Recommender, RecPreset, RecDim, SplitSeed, Steps, Width, K, Alpha, LambdaL1, LearningRate, Temperature, AuxCoefficient, DeadAfter, Activation, PredictionLoss, Pairs, Standardize, UnitNorm, Tied, ResampleEvery, ResampleBelow, ResampleUntil, Threads })
            command.Options.Add(option);
    }

    /// <summary>The recommender to find or train for <paramref name="model"/> when no --recommender is given.</summary>
    public RecommenderRequest RecommenderRequest(ParseResult parse, RecommenderModel model) =>
        new(model, parse.GetValue(RecPreset)!)
        {
            SplitSeed = parse.GetValue(SplitSeed),
            Threads = parse.GetValue(Threads),
            EmbeddingDim = parse.GetValue(RecDim),
        };

    /// <summary>An SAE request for <paramref name="preset"/> with every given override (β from <paramref name="beta"/>).</summary>
    public SaeRequest SaeRequest(ParseResult parse, string preset, int seed, double? beta) =>
        new(preset)
        {
            Seed = seed,
            Threads = parse.GetValue(Threads),
            Overrides = new SaeOverrides
            {
                Beta = beta,
                Steps = parse.GetValue(Steps),
                Width = parse.GetValue(Width),
                K = parse.GetValue(K),
                Alpha = parse.GetValue(Alpha),
                LambdaL1 = parse.GetValue(LambdaL1),
                LearningRate = parse.GetValue(LearningRate),
                Temperature = parse.GetValue(Temperature),
                AuxCoefficient = parse.GetValue(AuxCoefficient),
                DeadAfterSteps = parse.GetValue(DeadAfter),
                Activation = parse.GetValue(Activation),
                PredictionLoss = parse.GetValue(PredictionLoss),
                Pairs = parse.GetValue(Pairs),
                Standardize = parse.GetValue(Standardize),
                TiedDecoder = parse.GetValue(Tied),
                UnitNormInput = parse.GetValue(UnitNorm),
                ResampleEvery = parse.GetValue(ResampleEvery),
                ResampleBelow = parse.GetValue(ResampleBelow),
                ResampleUntil = parse.GetValue(ResampleUntil),
            },
        };
}
