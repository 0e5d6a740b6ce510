using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecSaeExplorer.Engine.Interop;

/// <summary><c>cfg.json</c> of a recommender export: architecture, parameter shapes and what lines the rows up with the data.</summary>
public sealed record RecommenderExchangeConfig
{
    public const string FileName = "cfg.json";

    [JsonPropertyName("format_version")] public int FormatVersion { get; init; } = 1;

    /// <summary>"mf": logit = global_bias + user_bias[u] + item_bias[i] + user_embedding[u]·item_embedding[i];
    /// "ncf": logit = output(relu(hidden_k(... relu(hidden0([user_embedding[u] ; item_embedding[i]]))))).</summary>
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("score")] public required string Score { get; init; }
    [JsonPropertyName("embedding_dim")] public int EmbeddingDim { get; init; }
    [JsonPropertyName("hidden")] public int[] Hidden { get; init; } = [];
    [JsonPropertyName("parameters")] public required Dictionary<string, long[]> Parameters { get; init; }
    [JsonPropertyName("run_id")] public required string RunId { get; init; }

    /// <summary>SHA-256 of the run's stored weights (see <see cref="Runs.RunStore.WeightsSha256"/>).</summary>
    [JsonPropertyName("weights_sha256")] public required string WeightsSha256 { get; init; }
    [JsonPropertyName("dataset")] public required string Dataset { get; init; }
    [JsonPropertyName("dataset_fingerprint")] public required string DatasetFingerprint { get; init; }
    [JsonPropertyName("split_seed")] public int SplitSeed { get; init; }
    [JsonPropertyName("users")] public int Users { get; init; }
    [JsonPropertyName("items")] public int Items { get; init; }
    [JsonPropertyName("id_maps")] public string IdMapsFile { get; init; } = IdMaps.FileName;

    public string Write(string folder)
    {
        string path = Path.Combine(folder, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
