using System.Text.Json;
using RecSaeExplorer.Cli.Common;

namespace RecSaeExplorer.Cli.Tests.Data;

public class DataCommandsTests
{
    [Fact]
    public async Task List_names_all_three_datasets_as_json()
    {
        var result = await CliRunner.RunAsync("data", "list", "--json");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var names = json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Equal(["ml-latest-small", "ml-1m", "lastfm"], names);
        var small = json.RootElement.EnumerateArray().First();
        Assert.True(small.GetProperty("present").GetBoolean());
    }

    [Fact]
    public async Task Stats_of_the_default_dataset_match_GroupLens_counts()
    {
        var result = await CliRunner.RunAsync("data", "stats", "--json");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("ml-latest-small", root.GetProperty("name").GetString());
        Assert.Equal(610, root.GetProperty("users").GetInt32());
        Assert.Equal(9724, root.GetProperty("items").GetInt32());
        Assert.Equal(9742, root.GetProperty("listedItems").GetInt32());
        Assert.Equal(100836, root.GetProperty("interactions").GetInt32());
        Assert.Equal("Drama", root.GetProperty("facets")[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task Stats_table_shows_the_counts_and_histograms()
    {
        var result = await CliRunner.RunAsync("data", "stats", "--dataset", "lastfm");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("interactions", result.Output);
        Assert.Contains("Top", result.Output);
    }

    [Fact]
    public async Task Stats_from_a_data_dir_without_the_files_fails_with_one_line()
    {
        string empty = TestPaths.NewTempFolder();
        try
        {
            var result = await CliRunner.RunAsync("data", "stats", "--data-dir", empty);
            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            // The folder was given: the error names the missing file instead of suggesting --data-dir again.
            Assert.Contains("movies.csv", result.Error);
            Assert.DoesNotContain("--data-dir", result.Error);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Ml1mFact]
    public async Task Stats_of_ml_1m_from_the_shared_copy_when_present()
    {
        string folder = TestPaths.SharedMl1m!;
        var result = await CliRunner.RunAsync("data", "stats", "--dataset", "ml-1m", "--data-dir", folder, "--json");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(6040, json.RootElement.GetProperty("users").GetInt32());
        Assert.Equal(3706, json.RootElement.GetProperty("items").GetInt32());
        Assert.Equal(1000209, json.RootElement.GetProperty("interactions").GetInt32());
    }
}
