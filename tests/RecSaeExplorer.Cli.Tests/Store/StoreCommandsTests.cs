using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Integrity;

namespace RecSaeExplorer.Cli.Tests.Store;

/// <summary>--store on files that are not stores, damaged stores, and the store check/backup/restore/salvage commands.</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    public static TheoryData<string, string> ForeignCases()
    {
        string[][] commands =
        [
            ["runs", "list"], ["runs", "show", "mf-1"], ["runs", "delete", "mf-1"], ["rec", "eval", "mf-1"], ["rec", "export", "mf-1", "--out", "x"],
            ["sae", "eval", "sae-1"], ["neurons", "sae-1"], ["neuron", "sae-1", "3"], ["promote", "sae-1", "--item", "1", "--neuron", "3"],
            ["suppress", "sae-1", "--neuron", "3"], ["nudge", "sae-1", "--neuron", "3"], ["rec", "train", "--epochs", "1"],
            ["store", "check"], ["store", "backup", "b.db"], ["store", "salvage", "s.db"],
        ];
        var data = new TheoryData<string, string>();
        foreach (string kind in new[] { "text", "json", "empty", "zip" })
            foreach (var command in commands) data.Add(kind, string.Join(' ', command));
        return data;
    }

    [Theory]
    [MemberData(nameof(ForeignCases))]
    public async Task A_foreign_file_is_refused_with_one_line_and_left_unchanged(string kind, string command)
    {
        string path = Foreign(kind);
        string sha = Sha(path);
        var result = await CliRunner.RunAsync([.. command.Split(' '), "--store", path]);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{path}' is not a RecSaeExplorer store", line);
        Assert.Equal(sha, Sha(path));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("runs show mf-1")]
    [InlineData("neurons sae-1")]
    [InlineData("rec eval mf-1")]
    public async Task A_read_only_command_on_a_missing_store_creates_nothing(string command)
    {
        string path = Path.Combine(_folder, "sub", "store.db");
        var result = await CliRunner.RunAsync([.. command.Split(' '), "--store", path]);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("There is no store", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "sub")));
    }

    [Fact]
    public async Task Runs_list_on_a_missing_store_lists_nothing_and_creates_nothing()
    {
        string path = Path.Combine(_folder, "sub", "store.db");
        var result = await CliRunner.RunAsync("runs", "list", "--store", path, "--json");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("[]", result.Output.Trim());
        Assert.False(Directory.Exists(Path.Combine(_folder, "sub")));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    public async Task A_truncated_store_gives_the_clear_error_and_check_lists_what_is_lost(double share)
    {
        string path = Truncated(share);
        string sha = Sha(path);
        var list = await CliRunner.RunAsync("runs", "list", "--store", path);
        Assert.Equal(ExitCodes.Failure, list.ExitCode);
        Assert.Contains($"The store '{path}' is damaged", Assert.Single(list.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));

        var check = await CliRunner.RunAsync("store", "check", "--store", path, "--json");
        Assert.Equal(ExitCodes.Failure, check.ExitCode);
        using var json = JsonDocument.Parse(check.Output);
        var lost = json.RootElement.GetProperty("lost").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        var intact = json.RootElement.GetProperty("intact").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.NotEmpty(lost);
        Assert.Equal(6, lost.Count + intact.Count);

        string salvaged = Path.Combine(_folder, "salvaged.db");
        var salvage = await CliRunner.RunAsync("store", "salvage", salvaged, "--store", path);
        Assert.Equal(ExitCodes.Ok, salvage.ExitCode);
        var listed = await CliRunner.RunAsync("runs", "list", "--store", salvaged, "--json");
        using var runs = JsonDocument.Parse(listed.Output);
        Assert.Equal(intact.Order(), runs.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).Order());
        Assert.Equal(sha, Sha(path));
    }

    [Fact]
    public async Task Deleting_a_recommender_with_sae_runs_on_it_is_refused_and_deletes_nothing()
    {
        string path = WithRuns("store.db");

        var refused = await CliRunner.RunAsync("runs", "delete", "mf-0", "--store", path);

        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Contains("Run mf-0 has 1 SAE run(s) trained on it: sae-mf-0. Delete those first.", refused.Error);
        using (var store = new RunStore(path, StoreAccess.Read))
        {
            Assert.Equal(6, store.List().Count);
            Assert.DoesNotContain(store.AuditTrail(), e => e.Action == Engine.Governance.AuditActions.RunDeleted);
        }
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("runs", "delete", "sae-mf-0", "--store", path)).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("runs", "delete", "mf-0", "--store", path)).ExitCode);
        using var after = new RunStore(path, StoreAccess.Read);
        Assert.Equal(4, after.List().Count);
    }

    [Fact]
    public async Task Check_backup_and_restore_round_trip()
    {
        string path = WithRuns("store.db");
        var check = await CliRunner.RunAsync("store", "check", "--store", path);
        Assert.Equal(ExitCodes.Ok, check.ExitCode);
        Assert.Contains("6 intact run(s)", check.Output);

        string backup = Path.Combine(_folder, "backup.db");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("store", "backup", backup, "--store", path)).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("runs", "delete", "sae-mf-0", "--store", path)).ExitCode);
        var refused = await CliRunner.RunAsync("store", "restore", backup, "--store", path);
        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Contains("--replace", refused.Error);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("store", "restore", backup, "--store", path, "--replace")).ExitCode);
        using var store = new RunStore(path, StoreAccess.Read);
        Assert.Equal(6, store.List().Count);
        Assert.Single(Directory.GetFiles(_folder, "store.replaced-*.db"));
    }

    private string WithRuns(string name)
    {
        string path = Path.Combine(_folder, name);
        using var store = new RunStore(path);
        for (int i = 0; i < 3; i++)
        {
            store.Save(Run($"mf-{i}", null), Weights(i));
            store.Save(Run($"sae-mf-{i}", $"mf-{i}"), Weights(10 + i));
        }
        return path;
    }

    private string Truncated(double share)
    {
        var bytes = File.ReadAllBytes(WithRuns("healthy.db"));
        string path = Path.Combine(_folder, "cut.db");
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * share)]);
        return path;
    }

    private string Foreign(string kind)
    {
        string path = Path.Combine(_folder, $"notes.{kind}");
        switch (kind)
        {
            case "text": File.WriteAllText(path, string.Concat(Enumerable.Repeat("# README\nSome notes.\n", 800))); break;
            case "json": File.WriteAllText(path, """{ "store": "no" }"""); break;
            case "empty": File.WriteAllBytes(path, []); break;
            default:
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
                using (var writer = new StreamWriter(zip.CreateEntry("store.db").Open())) writer.Write(new string('x', 20_000));
                break;
        }
        return path;
    }

    private static RunInfo Run(string id, string? parent) => new()
    {
        Id = id, Kind = parent is null ? RunStore.RecommenderKind : RunStore.SaeKind, Model = "mf", DatasetName = "ml-latest-small",
        DatasetFingerprint = "f", ParentRunId = parent, CreatedUtc = DateTime.UtcNow,
    };

    private static byte[] Weights(int seed)
    {
        var bytes = new byte[150_000];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
