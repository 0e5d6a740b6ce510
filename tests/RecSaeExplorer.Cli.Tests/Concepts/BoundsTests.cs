using System.Diagnostics;
using RecSaeExplorer.Cli.Common;
using Xunit.Abstractions;

namespace RecSaeExplorer.Cli.Tests.Concepts;

/// <summary>Every bound of the concept and data commands: exit 2 naming the option, before any model is loaded.</summary>
public sealed class BoundsTests(ConceptStoreFixture fixture, ITestOutputHelper output) : IClassFixture<ConceptStoreFixture>
{
    [Theory]
    [InlineData("--levels", "promote", "--item", "1", "--neuron", "3", "--levels=0:1000000:0.001", "--audience", "all")]
    [InlineData("--levels", "promote", "--item", "1", "--neuron", "3", "--levels=0:1e12:1")]
    [InlineData("--levels", "promote", "--item", "1", "--neuron", "3", "--levels=0,NaN")]
    [InlineData("--target", "promote", "--item", "1", "--neuron", "3", "--target", "1.5")]
    [InlineData("--bench", "promote", "--item", "1", "--neuron", "3", "--bench", "-1")]
    [InlineData("--level", "nudge", "--neuron", "3", "--level", "NaN")]
    [InlineData("--level", "suppress", "--neuron", "3", "--level", "1e308")]
    [InlineData("--levels", "suppress", "--neuron", "3", "--levels=-1e6:0:1")]
    [InlineData("--target-cut", "suppress", "--neuron", "3", "--levels=-1:0:0.5", "--target-cut", "2")]
    [InlineData("--depth", "suppress", "--neuron", "3", "--depth", "0")]
    [InlineData("--top", "neuron", "3", "--top", "0")]
    public async Task Out_of_bounds_options_are_usage_errors_naming_the_option(string option, string command, params string[] rest)
    {
        var clock = Stopwatch.StartNew();
        var result = await CliRunner.RunAsync([command, fixture.SaeId, .. rest, "--store", fixture.Store, "--json"]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(option, result.Error);
        Assert.Empty(result.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused after {clock.Elapsed.TotalSeconds:F1} s: before loading anything");
    }

    [Theory]
    [InlineData("facet:Comedy:0")]
    [InlineData("facet:Comedy:-5")]
    public async Task An_audience_of_fewer_than_one_user_is_a_usage_error(string audience)
    {
        var result = await CliRunner.RunAsync("promote", fixture.SaeId, "--item", "1", "--neuron", "3", "--audience", audience, "--store", fixture.Store);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("audience size", result.Error);
    }

    [Fact]
    public async Task Data_stats_top_0_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("data", "stats", "--top", "0");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--top", result.Error);
    }

    [Fact]
    public async Task The_largest_allowed_grid_runs()
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var result = await CliRunner.RunAsync("promote", fixture.SaeId, "--item", "1", "--neuron", "3", "--levels=0:20:0.01", "--audience", "test",
            "--store", fixture.Store, "--json");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("\"level\": 20", result.Output);
        output.WriteLine($"2,001 levels on ml-latest-small test users: {clock.Elapsed.TotalSeconds:F1} s, " +
                         $"managed heap +{(GC.GetTotalMemory(false) - before) / 1e6:F0} MB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    }
}
