using System.Text.Json.Nodes;
using RecSaeExplorer.Engine.Sae;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>
/// The stored shape of an SAE run's config: the <see cref="SaeConfig"/> under "sae" plus the step
/// count and the loss-curve block size (not part of the config, but needed to read the curve).
/// </summary>
internal static class SaeRunDocument
{
    /// <summary>"relu", "topk" or "batchtopk" (the run's Model column).</summary>
    public static string ModelName(SaeConfig config) => config.Architecture.Activation.ToString().ToLowerInvariant();

    public static JsonObject ConfigToJson(TrainedSae trained) => new()
    {
        ["sae"] = RunJson.ToObject(trained.Config),
        ["steps"] = trained.Steps,
        ["curveEvery"] = trained.CurveEvery,
    };

    public static (SaeConfig Config, int Steps, int CurveEvery) ConfigFromJson(JsonObject json)
    {
        if (json["sae"] is not JsonObject sae) throw new InvalidDataException("Stored SAE run has no 'sae' config.");
        return (RunJson.FromObject<SaeConfig>(sae), json["steps"]?.GetValue<int>() ?? 0, json["curveEvery"]?.GetValue<int>() ?? 1);
    }
}
