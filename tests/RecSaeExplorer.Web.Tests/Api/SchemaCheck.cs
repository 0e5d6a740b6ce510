using System.Text.Json;

namespace RecSaeExplorer.Web.Tests.Api;

/// <summary>
/// Checks a JSON value against a schema of the API's OpenAPI document: $ref, type (or a list of types), properties
/// (every documented property present, nothing undocumented), items, oneOf/anyOf. Enough of JSON Schema for
/// what ASP.NET Core's generator emits; free-form objects (JsonObject, dictionaries) are accepted as they are.
/// </summary>
internal sealed class SchemaCheck(JsonElement document)
{
    public List<string> Errors { get; } = [];

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            string name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    public void Check(JsonElement value, JsonElement schema, string path)
    {
        schema = Resolve(schema);
        foreach (string combinator in new[] { "oneOf", "anyOf" })
        {
            if (!schema.TryGetProperty(combinator, out var options)) continue;
            var attempts = options.EnumerateArray().Select(o =>
            {
                var inner = new SchemaCheck(document);
                inner.Check(value, o, path);
                return inner.Errors;
            }).ToList();
            if (attempts.All(a => a.Count > 0)) Errors.Add($"{path}: matches no {combinator} option ({attempts[0].FirstOrDefault()})");
            return;
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => Fits(value, t)))
            {
                Errors.Add($"{path}: {value.ValueKind} is not {string.Join("|", types)}");
                return;
            }
        }
        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            var documented = properties.EnumerateObject().Select(p => p.Name).ToHashSet();
            var present = value.EnumerateObject().Select(p => p.Name).ToHashSet();
            foreach (string missing in documented.Except(present)) Errors.Add($"{path}: documented property '{missing}' missing");
            foreach (string extra in present.Except(documented)) Errors.Add($"{path}: undocumented property '{extra}'");
            foreach (var p in value.EnumerateObject().Where(p => documented.Contains(p.Name))) Check(p.Value, properties.GetProperty(p.Name), $"{path}.{p.Name}");
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            int i = 0;
            foreach (var element in value.EnumerateArray().Take(20)) Check(element, items, $"{path}[{i++}]");
        }
    }

    private static bool Fits(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => true,
    };
}
