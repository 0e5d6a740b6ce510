using System.Text.Json;
using RecSaeExplorer.Cli.Common;

namespace RecSaeExplorer.Cli.Tests.Rec;

/// <summary>
/// One small MF run on ml-latest-small, trained once for the class, then evaluated, listed, shown,
/// exported and deleted through the command line.
/// </summary>
public sealed class RecCommandsTests : IClassFixture<RecCommandsTests.TrainedRun>
{
    private readonly TrainedRun _run;

    public RecCommandsTests(TrainedRun run) => _run = run;

    [Fact]
    public void Train_reports_metrics_and_stores_the_run()
    {
        using var json = JsonDocument.Parse(_run.TrainOutput);
        var root = json.RootElement;
        Assert.Equal(_run.Id, root.GetProperty("runId").GetString());
        Assert.Equal(2, root.GetProperty("epochSeconds").GetArrayLength());
        double hr = SampledHitRate(root.GetProperty("metrics"));
        Assert.InRange(hr, 0.3, 1.0); // far above the 0.10 of random ranking among 100
    }

    [Fact]
    public async Task Eval_of_the_stored_run_reproduces_the_training_metrics()
    {
        var result = await CliRunner.RunAsync("rec", "eval", _run.Id, "--store", _run.Store, "--json");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var eval = JsonDocument.Parse(result.Output);
        using var train = JsonDocument.Parse(_run.TrainOutput);
        Assert.Equal(SampledHitRate(train.RootElement.GetProperty("metrics")), SampledHitRate(eval.RootElement.GetProperty("metrics")));
    }

    [Fact]
    public async Task Runs_list_and_show_find_the_run_by_prefix()
    {
        var list = await CliRunner.RunAsync("runs", "list", "--store", _run.Store, "--json");
        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        using var json = JsonDocument.Parse(list.Output);
        Assert.Contains(json.RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == _run.Id);

        var show = await CliRunner.RunAsync("runs", "show", _run.Id[..^2], "--store", _run.Store);
        Assert.Equal(ExitCodes.Ok, show.ExitCode);
        Assert.Contains(_run.Id, show.Output);
        Assert.Contains("config", show.Output);
    }

    [Fact]
    public async Task Export_writes_user_item_and_bias_csv_files()
    {
        string folder = TestPaths.NewTempFolder();
        try
        {
            var result = await CliRunner.RunAsync("rec", "export", _run.Id, "--store", _run.Store, "--out", folder);
            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Equal(611, File.ReadLines(Path.Combine(folder, "users.csv")).Count()); // header + 610 users
            Assert.Equal(9725, File.ReadLines(Path.Combine(folder, "items.csv")).Count());
            Assert.True(File.Exists(Path.Combine(folder, "biases.csv")));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Eval_against_different_data_fails_with_a_clear_message()
    {
        string folder = TestPaths.NewTempFolder();
        try
        {
            foreach (string file in Directory.GetFiles(TestPaths.MovieLensSmall)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            var ratings = File.ReadAllLines(Path.Combine(folder, "ratings.csv"));
            File.WriteAllLines(Path.Combine(folder, "ratings.csv"), ratings[..^1]); // one rating fewer: another dataset
            var result = await CliRunner.RunAsync("rec", "eval", _run.Id, "--store", _run.Store, "--data-dir", folder);
            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Contains("fingerprint", result.Error, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Unknown_run_is_a_one_line_failure()
    {
        var result = await CliRunner.RunAsync("rec", "eval", "no-such-run", "--store", _run.Store);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static double SampledHitRate(JsonElement metrics) =>
        metrics.GetProperty("sampled").EnumerateArray().First(s => s.GetProperty("k").GetInt32() == 10).GetProperty("hitRate").GetDouble();

    /// <summary>Trains the shared run into a temp store; deletes the store afterwards.</summary>
    public sealed class TrainedRun : IAsyncLifetime
    {
        private readonly string _folder = TestPaths.NewTempFolder();

        public string Store => Path.Combine(_folder, "store.db");
        public string Id { get; private set; } = "";
        public string TrainOutput { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var result = await CliRunner.RunAsync("rec", "train", "--model", "mf", "--preset", "tuned", "--epochs", "2",
                "--dim", "16", "--negatives", "1", "--batch-size", "4096", "--store", Store, "--json");
            Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
            TrainOutput = result.Output;
            using var json = JsonDocument.Parse(result.Output);
            Id = json.RootElement.GetProperty("runId").GetString()!;
        }

        public Task DisposeAsync()
        {
            Directory.Delete(_folder, true);
            return Task.CompletedTask;
        }
    }
}

public class RunsDeleteTests
{
    [Fact]
    public async Task Delete_removes_the_run()
    {
        string folder = TestPaths.NewTempFolder();
        string store = Path.Combine(folder, "store.db");
        try
        {
            var train = await CliRunner.RunAsync("rec", "train", "--model", "mf", "--epochs", "1", "--dim", "4", "--negatives", "1",
                "--batch-size", "8192", "--store", store, "--json");
            Assert.Equal(ExitCodes.Ok, train.ExitCode);
            string id = JsonDocument.Parse(train.Output).RootElement.GetProperty("runId").GetString()!;

            Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("runs", "delete", id, "--store", store)).ExitCode);
            var show = await CliRunner.RunAsync("runs", "show", id, "--store", store);
            Assert.Equal(ExitCodes.Failure, show.ExitCode);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
