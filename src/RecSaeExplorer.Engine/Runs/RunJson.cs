using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>How typed configs and metrics become the JSON objects stored in a <see cref="RunInfo"/>.</summary>
public static class RunJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static JsonObject ToObject<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options)?.AsObject() ?? throw new ArgumentNullException(nameof(value));

    public static T FromObject<T>(JsonObject json) =>
        json.Deserialize<T>(Options) ?? throw new InvalidDataException($"Stored JSON is not a {typeof(T).Name}.");
}
