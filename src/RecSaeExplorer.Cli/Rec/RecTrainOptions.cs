using System.CommandLine;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;

namespace RecSaeExplorer.Cli.Rec;

/// <summary>Options of <c>recsae rec train</c>: a preset plus optional overrides of single fields.</summary>
internal sealed class RecTrainOptions
{
    public Option<string> Model { get; } = new("--model") { Description = "mf or ncf.", DefaultValueFactory = _ => "mf" };
    public Option<string> Preset { get; } = new("--preset") { Description = $"{string.Join(" or ", RecommenderPresets.Names)}.", DefaultValueFactory = _ => RecommenderPresets.Tuned };
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of initialization and negative sampling.", DefaultValueFactory = _ => 42 };
    public Option<int> SplitSeed { get; } = new("--split-seed") { Description = "Seed of the dataset split (held-out positives, test users).", DefaultValueFactory = _ => 42 };
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Override the preset's epochs." };
    public Option<int?> Dim { get; } = new("--dim") { Description = "Override the embedding size." };
    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Override the learning rate." };
    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "Override the batch size." };
    public Option<int?> Negatives { get; } = new("--negatives") { Description = "Override negatives per positive." };
    public Option<double?> L2 { get; } = new("--l2") { Description = "Override the L2 coefficient." };
    public Option<string?> Optimizer { get; } = new("--optimizer") { Description = "Override the optimizer: sgd or adam." };
    public Option<int> Threads { get; } = new("--threads") { Description = "LibTorch threads (0: one per core; default 1, which stays fast when another process competes for the cores).", DefaultValueFactory = _ => 1 };
    public Option<string> Device { get; } = new("--device") { Description = "cpu, or cuda with a CUDA LibTorch package.", DefaultValueFactory = _ => "cpu" };
    public Option<bool> NoSave { get; } = new("--no-save") { Description = "Do not keep the run in the store." };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Model, Preset, Seed, SplitSeed, Epochs, Dim, LearningRate, BatchSize, Negatives, L2, Optimizer, Threads, Device, NoSave })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The preset's config for the dataset with the given overrides applied.</summary>
    public RecommenderConfig Config(ParseResult parse, string datasetName)
    {
        var model = RecommenderModelNames.Parse(parse.GetValue(Model)!);
        var config = RecommenderPresets.Get(parse.GetValue(Preset)!, model, datasetName) with
        {
            Seed = parse.GetValue(Seed),
            Threads = parse.GetValue(Threads),
            Device = parse.GetValue(Device)!,
        };
        if (parse.GetValue(Epochs) is { } epochs) config = config with { Epochs = epochs };
        if (parse.GetValue(Dim) is { } dim) config = config with { EmbeddingDim = dim };
        if (parse.GetValue(LearningRate) is { } lr) config = config with { LearningRate = lr };
        if (parse.GetValue(BatchSize) is { } batch) config = config with { BatchSize = batch };
        if (parse.GetValue(Negatives) is { } negatives) config = config with { NegativesPerPositive = negatives };
        if (parse.GetValue(L2) is { } l2) config = config with { L2 = l2 };
        if (parse.GetValue(Optimizer) is { } optimizer) config = config with { Optimizer = Enum.Parse<OptimizerKind>(optimizer, ignoreCase: true) };
        bool overridden = config != RecommenderPresets.Get(parse.GetValue(Preset)!, model, datasetName) with
        {
            Seed = config.Seed, Threads = config.Threads, Device = config.Device,
        };
        return overridden ? config with { Preset = config.Preset + "+custom" } : config;
    }
}
