using System.Text.Json;
using RecSaeExplorer.Cli.Common;

namespace RecSaeExplorer.Cli.Tests.Data;

public class AcquisitionCommandsTests
{
    [Theory]
    [InlineData("fetch", "lastfm")]
    [InlineData("import", "ml-latest-small", ".")]
    public async Task Only_ml_1m_is_acquired(params string[] args)
    {
        var result = await CliRunner.RunAsync(["data", .. args]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Only ml-1m", result.Error);
    }

    [Fact]
    public async Task Import_of_a_folder_without_ml_1m_fails_and_creates_nothing()
    {
        string empty = TestPaths.NewTempFolder();
        string target = Path.Combine(TestPaths.NewTempFolder(), "ml-1m");
        try
        {
            var result = await CliRunner.RunAsync("data", "import", "ml-1m", empty, "--target", target);
            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.False(Directory.Exists(target));
        }
        finally
        {
            Directory.Delete(empty, true);
            Directory.Delete(Path.GetDirectoryName(target)!, true);
        }
    }

    [Ml1mFact]
    public async Task Import_of_the_shared_copy_verifies_and_lands_in_the_target_when_present()
    {
        string source = TestPaths.SharedMl1m!;
        string parent = TestPaths.NewTempFolder();
        string target = Path.Combine(parent, "ml-1m");
        try
        {
            var result = await CliRunner.RunAsync("data", "import", "ml-1m", source, "--target", target, "--json");
            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var json = JsonDocument.Parse(result.Output);
            Assert.Equal(1000209, json.RootElement.GetProperty("interactions").GetInt32());
            Assert.True(File.Exists(Path.Combine(target, "movies.dat")));

            var stats = await CliRunner.RunAsync("data", "stats", "--dataset", "ml-1m", "--data-dir", target, "--json");
            Assert.Equal(ExitCodes.Ok, stats.ExitCode);
        }
        finally
        {
            Directory.Delete(parent, true);
        }
    }
}
