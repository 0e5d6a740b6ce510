using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RecSaeExplorer.Engine.Sae;

/// <summary>
/// The storage contract of <see cref="SaeConfig"/>: one flat JSON object, the shape every stored run and
/// export had before the config had sections. Fields are written section after section, then Seed,
/// Threads and UsesTopK, so a new run's config lists its fields in the order older runs do. Reading
/// ignores fields the config no longer has (Device, SampledPositives of older runs; both always held
/// their defaults) and takes defaults for missing ones. Section field names must stay unique.
/// </summary>
internal sealed class SaeConfigJsonConverter : JsonConverter<SaeConfig>
{
    public override SaeConfig Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonNode.Parse(ref reader) is not JsonObject flat) throw new JsonException("An SAE config must be a JSON object.");
        var defaults = new SaeConfig();
        return new SaeConfig
        {
            Preset = flat["Preset"]?.GetValue<string>() ?? defaults.Preset,
            Architecture = Section<SaeArchitecture>(flat, options),
            Loss = Section<SaeLossWeights>(flat, options),
            DeadLatents = Section<SaeDeadLatents>(flat, options),
            Prediction = Section<SaePrediction>(flat, options),
            Schedule = Section<SaeSchedule>(flat, options),
            Seed = flat["Seed"]?.GetValue<int>() ?? defaults.Seed,
            Threads = flat["Threads"]?.GetValue<int>() ?? defaults.Threads,
        };
    }

    public override void Write(Utf8JsonWriter writer, SaeConfig value, JsonSerializerOptions options)
    {
        var flat = new JsonObject { ["Preset"] = value.Preset };
        foreach (var section in new object[] { value.Architecture, value.Loss, value.DeadLatents, value.Prediction, value.Schedule })
            foreach (var (key, node) in JsonSerializer.SerializeToNode(section, section.GetType(), options)!.AsObject())
                flat.Add(key, node?.DeepClone()); // throws on a field name two sections share
        flat["Seed"] = value.Seed;
        flat["Threads"] = value.Threads;
        flat["UsesTopK"] = value.Architecture.UsesTopK;
        flat.WriteTo(writer, options);
    }

    private static T Section<T>(JsonObject flat, JsonSerializerOptions options) =>
        flat.Deserialize<T>(options) ?? throw new JsonException($"The SAE config has no {typeof(T).Name}.");
}
