using System.CommandLine;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Engine.Workflows.Requests;

namespace RecSaeExplorer.Cli.Rec;

/// <summary>Options of <c>recsae rec train</c>: a preset plus optional overrides of single fields.</summary>
internal sealed class RecTrainOptions
{
    public Option<string> Model { get; } = new("--model") { Description = "mf or ncf.", DefaultValueFactory = _ => "mf" };
    public Option<string> Preset { get; } = new("--preset") { Description = $"{string.Join(" or ", RecommenderPresets.Names)}.", DefaultValueFactory = _ => RecommenderPresets.Tuned };
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of initialization and negative sampling.", DefaultValueFactory = _ => WorkflowDefaults.RecommenderSeed };
    public Option<int> SplitSeed { get; } = new("--split-seed") { Description = "Seed of the dataset split (held-out positives, test users).", DefaultValueFactory = _ => WorkflowDefaults.SplitSeed };
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Override the preset's epochs." };
    public Option<int?> Dim { get; } = new("--dim") { Description = "Override the embedding size." };
    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Override the learning rate." };
    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "Override the batch size." };
    public Option<int?> Negatives { get; } = new("--negatives") { Description = "Override negatives per positive." };
    public Option<double?> L2 { get; } = new("--l2") { Description = "Override the L2 coefficient." };
    public Option<string?> Optimizer { get; } = new("--optimizer") { Description = "Override the optimizer: sgd or adam." };
    public Option<int> Threads { get; } = new("--threads") { Description = "LibTorch threads (0: one per core; default 1, which stays fast when another process competes for the cores).", DefaultValueFactory = _ => WorkflowDefaults.Threads };
    public Option<string> Device { get; } = new("--device") { Description = "cpu, or cuda with a CUDA LibTorch package.", DefaultValueFactory = _ => WorkflowDefaults.Device };
    public Option<bool> NoSave { get; } = new("--no-save") { Description = "Do not keep the run in the store." };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Model, Preset, Seed, SplitSeed, Epochs, Dim, LearningRate, BatchSize, Negatives, L2, Optimizer, Threads, Device, NoSave })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request these options describe (the workflow applies the overrides to the preset).</summary>
    public RecommenderRequest Request(ParseResult parse) =>
        new(RecommenderModelNames.Parse(parse.GetValue(Model)!), parse.GetValue(Preset)!)
        {
            Seed = parse.GetValue(Seed),
            SplitSeed = parse.GetValue(SplitSeed),
            Threads = parse.GetValue(Threads),
            Device = parse.GetValue(Device)!,
            Epochs = parse.GetValue(Epochs),
            EmbeddingDim = parse.GetValue(Dim),
            LearningRate = parse.GetValue(LearningRate),
            BatchSize = parse.GetValue(BatchSize),
            Negatives = parse.GetValue(Negatives),
            L2 = parse.GetValue(L2),
            Optimizer = parse.GetValue(Optimizer) is { } optimizer ? Enum.Parse<OptimizerKind>(optimizer, ignoreCase: true) : null,
        };
}
