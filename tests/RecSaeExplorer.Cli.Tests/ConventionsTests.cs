using RecSaeExplorer.Cli.Common;

namespace RecSaeExplorer.Cli.Tests;

public class ConventionsTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("data", "--help")]
    [InlineData("data", "stats", "--help")]
    public async Task Help_is_available_on_every_level(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("data", "stats", "--no-such-option");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--no-such-option", result.Error);
    }

    [Fact]
    public async Task Unknown_dataset_fails_with_one_line_naming_the_known_ones()
    {
        var result = await CliRunner.RunAsync("data", "stats", "--dataset", "netflix");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ml-latest-small", line);
    }

    [Fact]
    public async Task Verbose_failure_prints_the_stack_trace()
    {
        var result = await CliRunner.RunAsync("data", "stats", "--dataset", "netflix", "--verbose");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("   at ", result.Error);
    }
}
