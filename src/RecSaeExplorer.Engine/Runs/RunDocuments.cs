using System.Text.Json;
using System.Text.Json.Nodes;
using LiteDB;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>
/// Maps <see cref="RunInfo"/> to and from LiteDB documents by hand, so the stored shape is explicit
/// and readable in any LiteDB viewer (config and metrics become nested documents).
/// </summary>
internal static class RunDocuments
{
    public static BsonDocument ToBson(RunInfo run) => new()
    {
        ["_id"] = run.Id,
        ["kind"] = run.Kind,
        ["model"] = run.Model,
        ["preset"] = run.Preset,
        ["seed"] = run.Seed,
        ["datasetName"] = run.DatasetName,
        ["datasetFingerprint"] = run.DatasetFingerprint,
        ["splitSeed"] = run.SplitSeed,
        ["parentRunId"] = run.ParentRunId is null ? BsonValue.Null : new BsonValue(run.ParentRunId),
        ["createdUtc"] = run.CreatedUtc,
        ["config"] = ToBson(run.Config),
        ["metrics"] = ToBson(run.Metrics),
        ["epochSeconds"] = new BsonArray(run.EpochSeconds.Select(s => new BsonValue(s))),
        ["epochLosses"] = new BsonArray(run.EpochLosses.Select(s => new BsonValue(s))),
        ["totalSeconds"] = run.TotalSeconds,
        ["weightsBytes"] = run.WeightsBytes,
        ["weightsSha256"] = run.WeightsSha256 is null ? BsonValue.Null : new BsonValue(run.WeightsSha256),
    };

    public static RunInfo FromBson(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        Kind = doc["kind"].AsString,
        Model = doc["model"].AsString,
        Preset = doc["preset"].AsString,
        Seed = doc["seed"].AsInt32,
        DatasetName = doc["datasetName"].AsString,
        DatasetFingerprint = doc["datasetFingerprint"].AsString,
        SplitSeed = doc["splitSeed"].AsInt32,
        ParentRunId = doc["parentRunId"].IsNull ? null : doc["parentRunId"].AsString,
        CreatedUtc = DateTime.SpecifyKind(doc["createdUtc"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc),
        Config = ToJson(doc["config"]),
        Metrics = ToJson(doc["metrics"]),
        EpochSeconds = doc["epochSeconds"].AsArray.Select(v => v.AsDouble).ToArray(),
        EpochLosses = doc["epochLosses"].AsArray.Select(v => v.AsDouble).ToArray(),
        TotalSeconds = doc["totalSeconds"].AsDouble,
        WeightsBytes = doc["weightsBytes"].AsInt64,
        WeightsSha256 = doc["weightsSha256"].IsString ? doc["weightsSha256"].AsString : null,
    };

    // Converted node by node: LiteDB's own JSON text round trip keeps only ~9 significant digits.
    public static BsonDocument ToBson(JsonObject json)
    {
        var doc = new BsonDocument();
        foreach (var (key, node) in json) doc[key] = ToBson(node);
        return doc;
    }

    private static BsonValue ToBson(JsonNode? node) => node switch
    {
        null => BsonValue.Null,
        JsonObject obj => ToBson(obj),
        JsonArray array => new BsonArray(array.Select(ToBson)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetValue(out int i) => i,
            JsonValueKind.Number when value.TryGetValue(out long l) => l,
            JsonValueKind.Number => value.GetValue<double>(),
            _ => BsonValue.Null,
        },
        _ => BsonValue.Null,
    };

    private static JsonObject ToJson(BsonValue value)
    {
        var obj = new JsonObject();
        if (!value.IsDocument) return obj;
        foreach (var (key, item) in value.AsDocument) obj[key] = ToJsonNode(item);
        return obj;
    }

    private static JsonNode? ToJsonNode(BsonValue value) => value.Type switch
    {
        BsonType.Document => ToJson(value),
        BsonType.Array => new JsonArray(value.AsArray.Select(ToJsonNode).ToArray()),
        BsonType.Int32 => JsonValue.Create(value.AsInt32),
        BsonType.Int64 => JsonValue.Create(value.AsInt64),
        BsonType.Double => JsonValue.Create(value.AsDouble),
        BsonType.Decimal => JsonValue.Create(value.AsDecimal),
        BsonType.String => JsonValue.Create(value.AsString),
        BsonType.Boolean => JsonValue.Create(value.AsBoolean),
        BsonType.DateTime => JsonValue.Create(value.AsDateTime.ToUniversalTime()),
        _ => null,
    };
}
