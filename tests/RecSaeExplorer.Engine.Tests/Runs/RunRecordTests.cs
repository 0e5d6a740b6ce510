using System.Text.Json.Nodes;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Records;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Workflows.Requests;

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
        var paper = SaePresets.Get(SaePresets.Paper, RecommenderModel.Mf, 20);
        var sae = paper with { Loss = paper.Loss with { Beta = 3 } };
        var json = new JsonObject { ["sae"] = RunJson.ToObject(sae), ["steps"] = 100, ["curveEvery"] = 25 };

        var record = RunRecord.Of(Run(RunStore.SaeKind, json));

        Assert.Equal((3.0, 25), (record.SaeConfig!.Loss.Beta, record.CurveEvery));
        Assert.Contains(record.ConfigFields, f => f.Key == "curveEvery" && f.Value == "25");
        Assert.Contains(record.ConfigFields, f => f.Key.StartsWith("sae.", StringComparison.Ordinal));
    }

    /// <summary>
    /// The "sae" object of a run stored before the config had sections (`sae train --preset matryoshka
    /// --steps 20 --seed 4 --resample-every 5 --unit-norm true --l1 0.01` on an 8-dimensional MF): flat,
    /// with Device and SampledPositives, which the config no longer has.
    /// </summary>
    private const string FlatSaeConfig = """
        {
            "Preset":"matryoshka","Width":128,"Activation":"topK","K":16,"TiedDecoder":false,
            "UnitNormDecoder":true,"Standardize":false,"UnitNormInput":true,"PreBias":true,
            "MatryoshkaPrefixes":[32,64,128],"Alpha":1,"Beta":10,"LambdaKl":0,"KlTarget":0.05,"LambdaL1":0.01,
            "AuxCoefficient":0.03125,"AuxK":32,"DeadAfterSteps":50,"ResampleEvery":5,"ResampleBelow":0.01,
            "ResampleUntil":0.5,"PredictionLoss":"listwise","PredictionPairs":"topCandidates","Temperature":1,
            "SampledPositives":4,"TopCandidates":50,"RandomCandidates":50,"LearningRate":0.003,"UserBatch":256,
            "ItemBatch":512,"Epochs":18,"Steps":20,"Seed":4,"Device":"cpu","Threads":1,"UsesTopK":true
        }
        """;

    [Fact]
    public void A_flat_sae_config_of_an_older_run_reads_into_the_same_config_and_is_written_back_flat()
    {
        var flat = JsonNode.Parse(FlatSaeConfig)!.AsObject();
        var expected = new SaeRequest(SaePresets.Matryoshka)
        {
            Seed = 4, Overrides = new SaeOverrides { Steps = 20, ResampleEvery = 5, UnitNormInput = true, LambdaL1 = 0.01 },
        }.ToConfig(RecommenderModel.Mf, 8);

        var record = RunRecord.Of(Run(RunStore.SaeKind, new JsonObject { ["sae"] = flat.DeepClone(), ["steps"] = 20, ["curveEvery"] = 1 }));

        Assert.Null(record.Problem);
        Assert.Equal(RunJson.ToObject(expected).ToJsonString(), RunJson.ToObject(record.SaeConfig!).ToJsonString());
        Assert.Equal([32, 64, 128], record.SaeConfig!.Architecture.MatryoshkaPrefixes);
        Assert.Equal((0.01, 5, true, false), (record.SaeConfig.Loss.LambdaL1, record.SaeConfig.DeadLatents.ResampleEvery,
            record.SaeConfig.Architecture.UnitNormInput, record.SaeConfig.Architecture.Standardize));
        flat.Remove("Device");
        flat.Remove("SampledPositives");
        Assert.Equal(flat.ToJsonString(), RunJson.ToObject(record.SaeConfig).ToJsonString()); // same keys, values and order
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
