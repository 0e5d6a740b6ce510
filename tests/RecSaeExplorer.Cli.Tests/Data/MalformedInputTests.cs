using System.Security.Cryptography;
using RecSaeExplorer.Cli.Common;

namespace RecSaeExplorer.Cli.Tests.Data;

/// <summary>
/// The malformed-input suite through the command line: every broken folder of <see cref="MalformedInputCase.All"/>
/// fails `rec train` with exit 1 and one line naming the file (and line and field where there is one),
/// before anything is trained or stored, and leaves the dataset folder as it was.
/// </summary>
public sealed class MalformedInputTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    public static TheoryData<MalformedInputCase> Cases() => new(MalformedInputCase.All());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_dataset_fails_with_one_line_naming_file_line_and_field(MalformedInputCase @case)
    {
        string data = Path.Combine(_folder, "data");
        @case.WriteTo(data);
        string before = Snapshot(data);
        string store = Path.Combine(_folder, "store.db");

        var result = await CliRunner.RunAsync("rec", "train", "--model", "mf", "--epochs", "1", "--dataset", @case.Dataset, "--data-dir", data, "--store", store);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {@case.File}", line);
        if (@case.Line > 0) Assert.Contains($"{@case.File}, line {@case.Line},", line);
        Assert.Contains($"field '{@case.Field}'", line);
        Assert.DoesNotContain("--data-dir", line);
        Assert.False(File.Exists(store), "no store is written");
        Assert.Equal(before, Snapshot(data));
    }

    [Fact]
    public void The_suite_has_at_least_60_cases_over_the_three_formats()
    {
        var cases = MalformedInputCase.All().ToList();
        Assert.True(cases.Count >= 60, $"{cases.Count} cases");
        Assert.Equal(3, cases.Select(c => c.Dataset).Distinct().Count());
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public async Task A_data_dir_that_does_not_exist_is_named()
    {
        string missing = Path.Combine(_folder, "nowhere");
        var result = await CliRunner.RunAsync("data", "stats", "--data-dir", missing);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"The data folder {missing}", result.Error);
        Assert.False(Directory.Exists(missing));
    }

    [Theory]
    [InlineData("ml-latest-small")]
    [InlineData("ml-1m")]
    [InlineData("lastfm")]
    public async Task A_UTF8_byte_order_mark_is_accepted_on_every_file(string dataset)
    {
        string data = Path.Combine(_folder, "data");
        MalformedInputCase.WriteValid(dataset, data, bom: true);
        var result = await CliRunner.RunAsync("data", "stats", "--dataset", dataset, "--data-dir", data, "--json");
        if (dataset == "lastfm")
        {
            // Read whole (BOMs skipped on the UTF-8, ASCII and Latin-1 files); then the default filter empties this tiny folder.
            Assert.Contains("field '(filter)'", result.Error);
            return;
        }
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("\"users\": 2", result.Output);
    }

    private static string Snapshot(string folder) => string.Join('\n', Directory.EnumerateFileSystemEntries(folder).Order()
        .Select(p => File.Exists(p) ? $"{Path.GetFileName(p)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))}" : $"{Path.GetFileName(p)}/"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
