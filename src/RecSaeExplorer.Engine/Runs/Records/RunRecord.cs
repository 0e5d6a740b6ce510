using System.Text.Json;
using System.Text.Json.Nodes;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;

namespace RecSaeExplorer.Engine.Runs.Records;

/// <summary>One field of a run's stored config, flattened for display ("optimizer", "hidden": "64, 32").</summary>
public sealed record ConfigField(string Key, string Value);

/// <summary>
/// A stored run read into types, once: what the front ends show. The stored JSON is parsed here and
/// nowhere else; a part an older or newer engine wrote differently is null, with <see cref="Problem"/>
/// saying why, so a list still shows the run.
/// </summary>
public sealed class RunRecord
{
    private RunRecord(RunInfo info) => Info = info;

    public RunInfo Info { get; }
    public string Id => Info.Id;
    public bool IsSae => Info.Kind == RunStore.SaeKind;
    public bool IsRecommender => Info.Kind == RunStore.RecommenderKind;

    public RecommenderConfig? RecommenderConfig { get; private init; }
    public RecommenderMetrics? RecommenderMetrics { get; private init; }
    public SaeConfig? SaeConfig { get; private init; }
    public SaeMetrics? SaeMetrics { get; private init; }

    /// <summary>Steps per point of an SAE's loss curve (1 for recommenders: one point per epoch).</summary>
    public int CurveEvery { get; private init; } = 1;

    /// <summary>The stored config as flat key/value rows (nested objects become dotted keys).</summary>
    public IReadOnlyList<ConfigField> ConfigFields { get; private init; } = [];

    /// <summary>Why part of the run could not be read, or null.</summary>
    public string? Problem { get; private init; }

    public static RunRecord Of(RunInfo run)
    {
        var fields = Flatten(run.Config, "").ToList();
        try
        {
            if (run.Kind == RunStore.RecommenderKind)
                return new RunRecord(run) { ConfigFields = fields, RecommenderConfig = RunStore.RecommenderConfigOf(run), RecommenderMetrics = RunStore.RecommenderMetricsOf(run) };
            if (run.Kind == RunStore.SaeKind)
            {
                var (config, _, curveEvery) = SaeRunDocument.ConfigFromJson(run.Config);
                return new RunRecord(run) { ConfigFields = fields, SaeConfig = config, CurveEvery = Math.Max(1, curveEvery), SaeMetrics = RunStore.SaeMetricsOf(run) };
            }
            return new RunRecord(run) { ConfigFields = fields };
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or InvalidOperationException or FormatException)
        {
            return new RunRecord(run) { ConfigFields = fields, Problem = $"Part of run {run.Id} could not be read: {e.Message}" };
        }
    }

    private static IEnumerable<ConfigField> Flatten(JsonObject obj, string prefix)
    {
        foreach (var (key, node) in obj)
        {
            string name = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (node is JsonObject inner)
            {
                foreach (var field in Flatten(inner, name)) yield return field;
                continue;
            }
            yield return new ConfigField(name, node switch
            {
                null => "—",
                JsonArray array => array.Count == 0 ? "—" : string.Join(", ", array.Select(a => a?.ToString())),
                _ => node.ToString(),
            });
        }
    }
}
