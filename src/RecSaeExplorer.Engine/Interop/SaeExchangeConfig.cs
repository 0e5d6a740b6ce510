using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RecSaeExplorer.Engine.Sae;

namespace RecSaeExplorer.Engine.Interop;

/// <summary>
/// <c>cfg.json</c> of an SAE export. The top-level fields follow SAELens' names (d_in, d_sae,
/// activation_fn_str, activation_fn_kwargs, apply_b_dec_to_input, normalize_activations, dtype) so a
/// notebook that knows SAELens reads it as it is; <see cref="Provenance"/> holds what only this product knows.
/// </summary>
public sealed record SaeExchangeConfig
{
    public const string FileName = "cfg.json";

    /// <summary>"standard" (ReLU), "topk", "batchtopk" or "jumprelu" (expert choice: a threshold per latent at inference).</summary>
    [JsonPropertyName("architecture")] public string Architecture { get; init; } = "standard";
    [JsonPropertyName("d_in")] public int DIn { get; init; }
    [JsonPropertyName("d_sae")] public int DSae { get; init; }

    /// <summary>"relu" or "topk" (BatchTopK and JumpReLU use the <c>threshold</c> tensor at inference).</summary>
    [JsonPropertyName("activation_fn_str")] public string ActivationFn { get; init; } = "relu";
    [JsonPropertyName("activation_fn_kwargs")] public Dictionary<string, int> ActivationKwargs { get; init; } = [];

    /// <summary>True: b_dec is subtracted from the input before encoding (this product's pre-bias).</summary>
    [JsonPropertyName("apply_b_dec_to_input")] public bool ApplyBDecToInput { get; init; } = true;

    /// <summary>
    /// "none", "per_vector_standardize" (x → (x − mean(x)) / (std(x) + eps), std unbiased, undone after decoding)
    /// or "per_vector_unit_norm" (x → x / (‖x‖ + eps)). Per vector: nothing is stored for it.
    /// </summary>
    [JsonPropertyName("normalize_activations")] public string Normalize { get; init; } = "none";
    [JsonPropertyName("normalize_eps")] public double NormalizeEps { get; init; } = 1e-6;
    [JsonPropertyName("dtype")] public string DType { get; init; } = "float32";

    /// <summary>W_dec = W_encᵀ in the product (both are written anyway).</summary>
    [JsonPropertyName("tied_decoder")] public bool TiedDecoder { get; init; }

    [JsonPropertyName("recsae")] public SaeProvenance? Provenance { get; init; }

    public static SaeExchangeConfig Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new InteropException($"No {FileName} in '{folder}': an SAE export holds sae.safetensors and {FileName}.");
        try
        {
            return JsonSerializer.Deserialize<SaeExchangeConfig>(File.ReadAllText(path)) ?? throw new InteropException($"{FileName} is empty.");
        }
        catch (JsonException e)
        {
            throw new InteropException($"{FileName} is not valid: {e.Message}");
        }
    }

    public string Write(string folder)
    {
        string path = Path.Combine(folder, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <summary>The product config: the exported one when present, else one built from the SAELens fields.</summary>
    public SaeConfig ToSaeConfig()
    {
        if (Provenance?.SaeConfig is { } stored) return RecSaeExplorer.Engine.Runs.RunJson.FromObject<SaeConfig>(stored) with { Preset = "imported" };
        var activation = Architecture switch
        {
            "batchtopk" => SaeActivation.BatchTopK,
            "jumprelu" => SaeActivation.ExpertChoice,
            _ when ActivationFn == "topk" => SaeActivation.TopK,
            _ when ActivationFn == "relu" => SaeActivation.Relu,
            _ => throw new InteropException($"Activation '{ActivationFn}' is not supported; use relu or topk."),
        };
        return new SaeConfig
        {
            Preset = "imported",
            Architecture = new()
            {
                Width = DSae, Activation = activation, K = ActivationKwargs.GetValueOrDefault("k", 8), TiedDecoder = TiedDecoder,
                Standardize = Normalize == "per_vector_standardize", UnitNormInput = Normalize == "per_vector_unit_norm", PreBias = true,
            },
        };
    }
}

/// <summary>What ties an exported SAE to the recommender, dataset and split it was trained on.</summary>
public sealed record SaeProvenance
{
    [JsonPropertyName("format_version")] public int FormatVersion { get; init; } = 1;
    [JsonPropertyName("sae_run_id")] public string? SaeRunId { get; init; }

    /// <summary>The product's full SAE config (camelCase, as stored with the run).</summary>
    [JsonPropertyName("sae_config")] public JsonObject? SaeConfig { get; init; }
    [JsonPropertyName("recommender_run_id")] public string? RecommenderRunId { get; init; }
    [JsonPropertyName("recommender_model")] public string? RecommenderModel { get; init; }

    /// <summary>SHA-256 of the recommender run's stored weights (see <see cref="Runs.RunStore.WeightsSha256"/>).</summary>
    [JsonPropertyName("recommender_weights_sha256")] public string? RecommenderWeightsSha256 { get; init; }
    [JsonPropertyName("dataset")] public string? Dataset { get; init; }
    [JsonPropertyName("dataset_fingerprint")] public string? DatasetFingerprint { get; init; }
    [JsonPropertyName("split_seed")] public int SplitSeed { get; init; }
    [JsonPropertyName("users")] public int Users { get; init; }
    [JsonPropertyName("items")] public int Items { get; init; }

    /// <summary>File beside cfg.json mapping tensor rows to the dataset's user and item ids.</summary>
    [JsonPropertyName("id_maps")] public string IdMapsFile { get; init; } = IdMaps.FileName;
}
