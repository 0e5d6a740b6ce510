using RecSaeExplorer.Engine.Sae;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Interop;

/// <summary>
/// The SAE's weights under SAELens' names: W_enc [d_in, d_sae], b_enc [d_sae], W_dec [d_sae, d_in] and
/// b_dec [d_in] (the product's pre-bias: subtracted before encoding, added after decoding), plus
/// <c>threshold</c> [1] for BatchTopK or [d_sae] for expert choice (SAELens' JumpReLU: z = pre · (pre &gt; threshold)).
/// z = act((x̃ − b_dec) W_enc + b_enc), x̂ = z W_dec + b_dec, x̃ the
/// per-vector normalized input (cfg.json's normalize_activations).
/// </summary>
public static class SaeTensors
{
    public const string WEnc = "W_enc", BEnc = "b_enc", WDec = "W_dec", BDec = "b_dec", Threshold = "threshold";

    /// <summary>Contiguous float32 CPU copies; the caller disposes them.</summary>
    public static Dictionary<string, Tensor> From(SparseAutoencoder sae)
    {
        using var noGrad = no_grad();
        var tensors = new Dictionary<string, Tensor>
        {
            [WEnc] = Host(sae.EncoderWeight.t()),
            [BEnc] = Host(sae.EncoderBias),
            [WDec] = Host(sae.DecoderWeight.t()),
            [BDec] = Host(sae.PreBias),
        };
        if (sae.Config.Architecture.Activation == SaeActivation.BatchTopK) tensors[Threshold] = tensor(new[] { sae.Threshold });
        // Inference compares with the threshold clamped at 0; exporting the clamped value makes JumpReLU readers agree.
        if (sae.LatentThresholds is { } perLatent) tensors[Threshold] = Host(perLatent.clamp_min(0));
        return tensors;
    }

    /// <summary>
    /// Loads SAELens-named tensors into a fresh <paramref name="sae"/>; checks every shape against d_in and d_sae.
    /// <paramref name="bDecAppliedToInput"/> false (SAELens' apply_b_dec_to_input = false) folds b_dec into b_enc,
    /// since the product always subtracts it before encoding.
    /// </summary>
    public static void Load(SparseAutoencoder sae, IReadOnlyDictionary<string, Tensor> tensors, bool bDecAppliedToInput = true)
    {
        long d = sae.InputDim, m = sae.Width;
        var wEnc = Get(tensors, WEnc, [d, m]);
        var bEnc = Get(tensors, BEnc, [m]);
        var wDec = Get(tensors, WDec, [m, d]);
        var bDec = tensors.ContainsKey(BDec) ? Get(tensors, BDec, [d]) : zeros(d);
        using var noGrad = no_grad();
        if (!bDecAppliedToInput) bEnc = bEnc + bDec.matmul(wEnc);
        if (sae.Config.Architecture.TiedDecoder && !wDec.allclose(wEnc.t(), rtol: 0, atol: 1e-6))
            throw new InteropException("cfg.json says the decoder is tied, but W_dec is not W_encᵀ.");
        var state = new Dictionary<string, Tensor>
        {
            ["encoder"] = wEnc.t().contiguous(),
            ["encoder_bias"] = bEnc,
            ["pre_bias"] = bDec,
            ["threshold"] = tensors.TryGetValue(Threshold, out var t) && sae.LatentThresholds is null ? t.to_type(ScalarType.Float32).reshape(1) : zeros(1),
        };
        if (sae.LatentThresholds is not null) state["latent_thresholds"] = Get(tensors, Threshold, [m]);
        if (!sae.Config.Architecture.TiedDecoder) state["decoder"] = wDec.t().contiguous();
        sae.load_state_dict(state, strict: true);
    }

    private static Tensor Get(IReadOnlyDictionary<string, Tensor> tensors, string name, long[] shape)
    {
        if (!tensors.TryGetValue(name, out var value)) throw new InteropException($"sae.safetensors has no tensor '{name}'.");
        if (!value.shape.SequenceEqual(shape))
            throw new InteropException($"Tensor '{name}' has shape [{string.Join(", ", value.shape)}]; cfg.json needs [{string.Join(", ", shape)}].");
        return value.to_type(ScalarType.Float32);
    }

    private static Tensor Host(Tensor t) => t.detach().cpu().to_type(ScalarType.Float32).contiguous().clone();
}
