using System.Reflection;
using System.Text.Json;
using RecSaeExplorer.Engine.Recommenders;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Interop;

/// <summary>
/// Source names of a foreign state dict for each of the product's parameter names, per model
/// (docs/interop/research-mapping.json is the documented default). The product's own name is always tried first.
/// </summary>
public sealed class ParameterMapping
{
    private readonly Dictionary<string, Dictionary<string, string[]>> _byModel;

    private ParameterMapping(Dictionary<string, Dictionary<string, string[]>> byModel) => _byModel = byModel;

    /// <summary>The shipped mapping (docs/interop/research-mapping.json).</summary>
    public static ParameterMapping Default { get; } = Parse(ReadResource(), "research-mapping.json");

    public static ParameterMapping Load(string path)
    {
        if (!File.Exists(path)) throw new InteropException($"No mapping file '{path}'.");
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static ParameterMapping Parse(string json, string name)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var byModel = new Dictionary<string, Dictionary<string, string[]>>();
            foreach (var model in doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
            {
                byModel[model.Name] = model.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Array
                    ? p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray()
                    : [p.Value.GetString()!]);
            }
            return new ParameterMapping(byModel);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InteropException($"Mapping file '{name}' is not valid: {e.Message}");
        }
    }

    /// <summary>Candidate source names of <paramref name="productName"/>, the product's own first.</summary>
    public IEnumerable<string> Candidates(RecommenderModel model, string productName)
    {
        yield return productName;
        if (_byModel.TryGetValue(model.Name(), out var names) && names.TryGetValue(productName, out var sources))
        {
            foreach (string s in sources) yield return s;
        }
    }

    /// <summary>The first candidate present in <paramref name="state"/>, with the name it was found under; null when none is.</summary>
    public (string Source, Tensor Value)? Find(RecommenderModel model, string productName, IReadOnlyDictionary<string, Tensor> state) =>
        Candidates(model, productName).Where(state.ContainsKey).Select(s => ((string, Tensor)?)(s, state[s])).FirstOrDefault();

    private static string ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("RecSaeExplorer.research-mapping.json")
            ?? throw new InvalidOperationException("The shipped parameter mapping is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
