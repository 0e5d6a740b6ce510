using System.Text.Json;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Cli.Tests.Sae;

/// <summary>
/// <c>recsae sae ...</c> on ml-latest-small with a quickly trained recommender stored up front (so the
/// commands do not train the full preset) and a few SAE steps.
/// </summary>
public sealed class SaeCommandsTests(SaeStoreFixture fixture) : IClassFixture<SaeStoreFixture>
{
    private readonly string _folder = fixture.Folder;
    private readonly string _store = fixture.Store;
    private readonly string _recommenderId = fixture.RecommenderId;

    [Fact]
    public async Task Train_then_eval_reports_the_same_run_as_json()
    {
        var train = await Run("sae", "train", "--preset", "topk", "--steps", "15", "--beta", "2", "--json");
        Assert.Equal(ExitCodes.Ok, train.ExitCode);
        using var trained = JsonDocument.Parse(train.Output);
        string runId = trained.RootElement.GetProperty("runId").GetString()!;
        Assert.Equal(_recommenderId, trained.RootElement.GetProperty("recommenderRunId").GetString());
        Assert.Equal("custom", trained.RootElement.GetProperty("recommenderPreset").GetString());
        Assert.Equal(8, trained.RootElement.GetProperty("recommenderDim").GetInt32());
        Assert.InRange(trained.RootElement.GetProperty("rbo").GetDouble(), 0, 1);
        Assert.InRange(trained.RootElement.GetProperty("l0").GetDouble(), 0, 16);

        var eval = await Run("sae", "eval", runId[..^2], "--json");
        Assert.Equal(ExitCodes.Ok, eval.ExitCode);
        using var evaluated = JsonDocument.Parse(eval.Output);
        Assert.Equal(runId, evaluated.RootElement.GetProperty("runId").GetString());
        Assert.Equal(trained.RootElement.GetProperty("rbo").GetDouble(), evaluated.RootElement.GetProperty("rbo").GetDouble(), 6);
    }

    [Fact]
    public async Task Train_prints_a_metrics_table()
    {
        var result = await Run("sae", "train", "--preset", "paper", "--steps", "5");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("RBO_ext", result.Output);
        Assert.Contains("seen included", result.Output);
    }

    [Fact]
    public async Task Sweep_rows_name_their_recommender_and_leave_the_papers_numbers_out_on_another_recipe()
    {
        string csv = Path.Combine(_folder, "sweep.csv");
        var result = await Run("sae", "sweep", "--model", "mf", "--beta", "0,1", "--seeds", "2", "--preset", "paper",
            "--steps", "5", "--csv", csv, "--no-save");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains($"Recommender: mf custom d=8 {_recommenderId}", result.Output);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Model,Recommender,RecommenderPreset,RecommenderDim,Preset,Beta,", lines[0]);
        Assert.StartsWith($"mf,{_recommenderId},custom,8,paper,1,2,", lines[2]);
        // This MF (d = 8, ml-latest-small) is not the paper's recommender: no paper column has a number.
        Assert.EndsWith(",NaN,NaN,NaN", lines[2]);
    }

    [Fact]
    public async Task Eval_writes_the_lists_its_fidelity_was_computed_from()
    {
        var train = await Run("sae", "train", "--preset", "topk", "--steps", "15", "--json");
        using var trained = JsonDocument.Parse(train.Output);
        string runId = trained.RootElement.GetProperty("runId").GetString()!;
        string file = Path.Combine(_folder, "lists", $"{runId}.csv");

        var eval = await Run("sae", "eval", runId, "--lists", file, "--json");

        Assert.Equal(ExitCodes.Ok, eval.ExitCode);
        using var report = JsonDocument.Parse(eval.Output);
        var rows = File.ReadAllLines(file).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal("User,Variant,Rank,Original,Reconstructed", File.ReadLines(file).First());
        foreach (var (variant, key) in new[] { ("honest", "rbo"), ("seen-included", "rboSeenIncluded") })
        {
            var users = rows.Where(r => r[1] == variant).GroupBy(r => r[0]).ToArray();
            Assert.All(users, u => Assert.Equal(30, u.Count()));
            // RBO recomputed from the file alone (truncated, p = 0.9, depth 30) gives the reported mean.
            double mean = users.Average(u => Rbo(u.Select(r => r[3]).ToArray(), u.Select(r => r[4]).ToArray()));
            Assert.Equal(report.RootElement.GetProperty(key).GetDouble(), mean, 9);
        }
    }

    private static double Rbo(string[] a, string[] b)
    {
        double sum = 0;
        for (int d = 1; d <= a.Length; d++) sum += Math.Pow(0.9, d - 1) * a.Take(d).Intersect(b.Take(d)).Count() / d;
        return 0.1 * sum;
    }

    [Fact]
    public async Task Unknown_preset_is_a_usage_error()
    {
        var result = await Run("sae", "train", "--preset", "nope", "--steps", "5");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("paper", result.Error);
    }

    [Theory]
    [InlineData("--aux", "-0.5", "loss weights")]
    [InlineData("--dead-after", "0", "dead window")]
    public async Task Bad_auxk_overrides_are_usage_errors(string option, string value, string reason)
    {
        var result = await Run("sae", "train", "--preset", "topk", "--steps", "5", option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public async Task Eval_of_a_recommender_run_is_a_usage_error()
    {
        var result = await Run("sae", "eval", _recommenderId);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Theory]
    [InlineData("sae", "--help")]
    [InlineData("sae", "sweep", "--help")]
    public async Task Help_is_available(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
    }

    /// <summary>Runs against the temporary store; train and sweep also get the stored recommender.</summary>
    private Task<CliResult> Run(params string[] args)
    {
        var all = new List<string>(args) { "--store", _store };
        if (args[1] != "eval") all.AddRange(["--recommender", _recommenderId]);
        return CliRunner.RunAsync([.. all]);
    }
}

/// <summary>One temporary store with a quickly trained MF recommender, shared by the class's tests.</summary>
public sealed class SaeStoreFixture : IDisposable
{
    public SaeStoreFixture()
    {
        Store = Path.Combine(Folder, "store.db");
        var dataset = new DatasetCatalog(Core.Hosting.ProductPaths.Discover()).Load("ml-latest-small", TestPaths.MovieLensSmall);
        var split = DatasetSplit.Create(dataset, 42);
        using var trained = RecommenderTrainer.Train(dataset, split, new RecommenderConfig
        {
            Model = RecommenderModel.Mf, EmbeddingDim = 8, Optimizer = OptimizerKind.Adam, LearningRate = 0.01, L2 = 0,
            BatchSize = 4096, Epochs = 1, Seed = 1,
        });
        using var store = new RunStore(Store);
        RecommenderId = store.SaveRecommender(trained).Id;
    }

    public string Folder { get; } = TestPaths.NewTempFolder();
    public string Store { get; }
    public string RecommenderId { get; }

    public void Dispose() => Directory.Delete(Folder, true);
}
