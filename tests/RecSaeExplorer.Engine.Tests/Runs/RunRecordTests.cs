using System.Text.Json.Nodes;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Records;
using RecSaeExplorer.Engine.Sae;

namespace RecSaeExplorer.Engine.Tests.Runs;

public class RunRecordTests
{
    private static RunInfo Run(string kind, JsonObject config) => new()
    {
        Id = "r1", Kind = kind, Model = "mf", DatasetName = "d", DatasetFingerprint = "f", Config = config,
    };

    [Fact]
    public void A_recommender_run_reads_into_its_config_type_and_flat_fields()
    {
        var config = RecommenderPresets.Get(RecommenderPresets.Paper, RecommenderModel.Mf, "ml-1m");

        var record = RunRecord.Of(Run(RunStore.RecommenderKind, RunJson.ToObject(config)));

        Assert.Null(record.Problem);
        Assert.Equal(config.LearningRate, record.RecommenderConfig!.LearningRate);
        Assert.Null(record.RecommenderMetrics);
        Assert.Contains(record.ConfigFields, f => f.Key.Equals("learningRate", StringComparison.OrdinalIgnoreCase) && f.Value == config.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_sae_run_carries_its_config_and_curve_spacing()
    {
        var sae = SaePresets.Get(SaePresets.Paper, RecommenderModel.Mf, 20) with { Beta = 3 };
        var json = new JsonObject { ["sae"] = RunJson.ToObject(sae), ["steps"] = 100, ["curveEvery"] = 25 };

        var record = RunRecord.Of(Run(RunStore.SaeKind, json));

        Assert.Equal((3.0, 25), (record.SaeConfig!.Beta, record.CurveEvery));
        Assert.Contains(record.ConfigFields, f => f.Key == "curveEvery" && f.Value == "25");
        Assert.Contains(record.ConfigFields, f => f.Key.StartsWith("sae.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_run_is_described_not_thrown()
    {
        var record = RunRecord.Of(Run(RunStore.SaeKind, new JsonObject { ["steps"] = 1 }));

        Assert.NotNull(record.Problem);
        Assert.Null(record.SaeConfig);
        Assert.Equal(1, record.CurveEvery);
        Assert.Single(record.ConfigFields);
    }
}
