using System.Text.Json;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Cli.Tests.Sae;

namespace RecSaeExplorer.Cli.Tests.Rec;

/// <summary><c>rec export --format safetensors|pth</c> and <c>rec import</c> on ml-latest-small, through the command line.</summary>
public sealed class RecExchangeCommandsTests(SaeStoreFixture fixture) : IClassFixture<SaeStoreFixture>
{
    [Theory]
    [InlineData("safetensors", "model.safetensors")]
    [InlineData("pth", "model.pth")]
    public async Task Export_then_import_reproduces_the_metrics(string format, string file)
    {
        string folder = Path.Combine(fixture.Folder, "rec-" + format);
        var export = await Run("rec", "export", fixture.RecommenderId, "--format", format, "--out", folder, "--json");
        Assert.Equal(ExitCodes.Ok, export.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "cfg.json")));
        Assert.True(File.Exists(Path.Combine(folder, "ids.json")));

        var import = await Run("rec", "import", "--model", "mf", "--from", Path.Combine(folder, file), "--json");
        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        var eval = await Run("rec", "eval", fixture.RecommenderId, "--json");
        using var imported = JsonDocument.Parse(import.Output);
        using var original = JsonDocument.Parse(eval.Output);
        Assert.Equal("user_embedding.weight", imported.RootElement.GetProperty("sources").GetProperty("user_embedding.weight").GetString());
        Assert.Equal(Ndcg(original.RootElement.GetProperty("metrics")), Ndcg(imported.RootElement.GetProperty("metrics")));
    }

    [Fact]
    public async Task Import_against_another_dataset_fails_naming_the_counts()
    {
        string folder = Path.Combine(fixture.Folder, "rec-other");
        Assert.Equal(ExitCodes.Ok, (await Run("rec", "export", fixture.RecommenderId, "--format", "safetensors", "--out", folder)).ExitCode);
        var import = await Run("rec", "import", "--model", "mf", "--from", Path.Combine(folder, "model.safetensors"), "--dataset", "lastfm");
        Assert.Equal(ExitCodes.Failure, import.ExitCode);
        Assert.Contains("[610, 8]", import.Error);
        Assert.Contains("1660 users", import.Error);
    }

    [Fact]
    public async Task Import_as_the_wrong_model_fails_and_unknown_format_is_a_usage_error()
    {
        string folder = Path.Combine(fixture.Folder, "rec-wrong");
        Assert.Equal(ExitCodes.Ok, (await Run("rec", "export", fixture.RecommenderId, "--format", "pth", "--out", folder)).ExitCode);
        var import = await Run("rec", "import", "--model", "ncf", "--from", Path.Combine(folder, "model.pth"));
        Assert.Equal(ExitCodes.Failure, import.ExitCode);
        Assert.Contains("hidden0.weight", import.Error);
        Assert.Equal(ExitCodes.Usage, (await Run("rec", "export", fixture.RecommenderId, "--format", "onnx")).ExitCode);
    }

    private static double Ndcg(JsonElement metrics) => metrics.GetProperty("fullRanking")[0].GetProperty("ndcg").GetDouble();

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync([.. args, "--store", fixture.Store]);
}
