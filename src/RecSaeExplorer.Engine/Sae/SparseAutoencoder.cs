using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae;

/// <summary>
/// One SAE shared by users and items (METHOD.md §3): z = act(W_enc (x̃ − b_pre) + b_enc),
/// x̂ = W_dec z + b_pre, where x̃ is x (standardized per vector when configured). Tied: W_dec = W_encᵀ.
/// Decoder directions start at unit length and the encoder starts as the decoder's transpose.
/// <c>forward(x)</c> is the reconstruction.
/// </summary>
public sealed class SparseAutoencoder : nn.Module<Tensor, Tensor>
{
    private const double StdEpsilon = 1e-6;
    private const double ThresholdMomentum = 0.01;

    private readonly Parameter _encoder;      // [m, d]
    private readonly Parameter _encoderBias;  // [m]
    private readonly Parameter? _decoder;     // [d, m], untied only
    private readonly Parameter _preBias;      // [d]
    private readonly Tensor _threshold;       // BatchTopK inference threshold (a buffer, saved with the weights)
    private readonly Tensor? _latentThresholds; // ExpertChoice: one inference threshold per latent [m]

    /// <param name="generator">Draws the initial directions; null uses LibTorch's global generator.</param>
    public SparseAutoencoder(int inputDim, SaeConfig config, Generator? generator = null) : base(nameof(SparseAutoencoder))
    {
        config.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputDim);
        InputDim = inputDim;
        Config = config;
        var directions = nn.functional.normalize(randn(inputDim, config.Architecture.Width, generator: generator), dim: 0); // unit columns
        _encoder = nn.Parameter(directions.t().contiguous());
        _encoderBias = nn.Parameter(zeros(config.Architecture.Width));
        _decoder = config.Architecture.TiedDecoder ? null : nn.Parameter(directions.clone());
        _preBias = nn.Parameter(zeros(inputDim), requires_grad: config.Architecture.PreBias);
        _threshold = zeros(1);
        register_parameter("encoder", _encoder);
        register_parameter("encoder_bias", _encoderBias);
        if (_decoder is not null) register_parameter("decoder", _decoder);
        register_parameter("pre_bias", _preBias);
        register_buffer("threshold", _threshold);
        // Only expert-choice SAEs carry it, so the weights of every other SAE keep their stored layout.
        if (config.Architecture.Activation == SaeActivation.ExpertChoice)
        {
            _latentThresholds = zeros(config.Architecture.Width);
            register_buffer("latent_thresholds", _latentThresholds);
        }
    }

    public int InputDim { get; }
    public int Width => Config.Architecture.Width;
    public SaeConfig Config { get; }

    /// <summary>Decoder matrix [d, m]; column k is latent k's direction.</summary>
    public Tensor DecoderWeight => _decoder ?? _encoder.t();

    /// <summary>The BatchTopK inference threshold learned in training.</summary>
    public float Threshold => _threshold.item<float>();

    /// <summary>The expert-choice inference thresholds [m], one per latent (see <see cref="CalibrateThresholds"/>); null for other activations.</summary>
    public Tensor? LatentThresholds => _latentThresholds;

    public override Tensor forward(Tensor x) => Reconstruct(Encode(x));

    public SaeCode Encode(Tensor x)
    {
        var (shift, scale) = Scaling(x);
        var pre = PreActivations(Scaled(x, shift, scale));
        return new SaeCode(pre, Activate(pre), shift, scale);
    }

    /// <summary>W_enc (x̃ − b_pre) + b_enc for inputs already in the encoder's space (<see cref="InputSpace"/>).</summary>
    private Tensor PreActivations(Tensor scaled) => nn.functional.linear(scaled - _preBias, _encoder, _encoderBias);

    /// <summary>x as the encoder sees it, before the pre-bias: standardized or unit-norm per vector when configured.</summary>
    public Tensor InputSpace(Tensor x)
    {
        var (shift, scale) = Scaling(x);
        return Scaled(x, shift, scale);
    }

    /// <summary>Per-vector shift and scale of the configured input scaling (null = none).</summary>
    private (Tensor? Shift, Tensor? Scale) Scaling(Tensor x)
    {
        if (Config.Architecture.Standardize) return (x.mean([1], keepdim: true), x.std(1, keepdim: true) + StdEpsilon);
        if (Config.Architecture.UnitNormInput) return (null, x.norm(1, keepdim: true) + StdEpsilon);
        return (null, null);
    }

    private static Tensor Scaled(Tensor x, Tensor? shift, Tensor? scale)
    {
        if (shift is not null) x = x - shift;
        return scale is null ? x : x / scale;
    }

    /// <summary>The pre-bias b_pre [d] (the origin of the code's directions).</summary>
    public Tensor PreBias => _preBias;

    /// <summary>Encoder bias [m].</summary>
    public Tensor EncoderBias => _encoderBias;

    /// <summary>Encoder matrix [m, d]; row k reads latent k.</summary>
    public Tensor EncoderWeight => _encoder;

    /// <summary>
    /// Points latents <paramref name="latents"/> along <paramref name="directions"/> [n, d] (unit rows):
    /// encoder row = direction × <paramref name="encoderNorm"/>, encoder bias = <paramref name="bias"/>, and
    /// (untied) decoder column = direction.
    /// </summary>
    public void Reinitialize(long[] latents, Tensor directions, double encoderNorm, double bias)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var index = tensor(latents, device: _encoder.device);
        _encoder.index_copy_(0, index, directions * encoderNorm);
        _encoderBias.index_fill_(0, index, bias);
        _decoder?.index_copy_(1, index, directions.t());
    }

    /// <summary>Decodes a code (or an edited z) back to embedding space; <paramref name="prefix"/> keeps only the first latents.</summary>
    public Tensor Reconstruct(SaeCode code, int? prefix = null) => code.Unstandardize(DecodeRaw(code.Z, prefix));

    /// <summary>W_dec z + b_pre in the SAE's input space (standardized when configured), optionally from a prefix of z.</summary>
    public Tensor DecodeRaw(Tensor z, int? prefix = null)
    {
        if (prefix is not { } p || p >= Width) return nn.functional.linear(z, DecoderWeight, _preBias);
        return nn.functional.linear(z.narrow(1, 0, p), DecoderWeight.narrow(1, 0, p), _preBias);
    }

    /// <summary>The decode of z without the bias: what AuxK uses to model a residual.</summary>
    public Tensor DecodeDirections(Tensor z) => z.matmul(DecoderWeight.t());

    /// <summary>Rescales decoder directions to unit length (keeps TopK codes comparable across latents).</summary>
    public void NormalizeDecoder()
    {
        using var noGrad = no_grad();
        if (_decoder is not null) _decoder.div_(_decoder.norm(0, keepdim: true).clamp_min(1e-8));
        else _encoder.div_(_encoder.norm(1, keepdim: true).clamp_min(1e-8));
    }

    /// <summary>Sets the pre-bias (e.g. to the data mean before training).</summary>
    public void SetPreBias(Tensor value)
    {
        using var noGrad = no_grad();
        _preBias.copy_(value);
    }

    private Tensor Activate(Tensor pre) => Config.Architecture.Activation switch
    {
        SaeActivation.Relu => nn.functional.relu(pre),
        SaeActivation.TopK => KeepTopK(pre, Config.Architecture.K),
        SaeActivation.BatchTopK => training ? BatchTopK(pre) : pre * pre.gt(_threshold.clamp_min(0)),
        SaeActivation.ExpertChoice => training ? ExpertChoice(pre) : pre * pre.gt(_latentThresholds!.clamp_min(0)),
        _ => throw new ArgumentOutOfRangeException(nameof(pre)),
    };

    private static Tensor KeepTopK(Tensor pre, int k)
    {
        var (values, indices) = pre.topk(k, 1);
        return zeros_like(pre).scatter(1, indices, nn.functional.relu(values));
    }

    /// <summary>Keeps the K·n largest activations of the whole batch and tracks the smallest kept one.</summary>
    private Tensor BatchTopK(Tensor pre)
    {
        var flat = nn.functional.relu(pre).flatten();
        int keep = (int)Math.Min(flat.shape[0], (long)Config.Architecture.K * pre.shape[0]);
        var (values, indices) = flat.topk(keep);
        using (no_grad())
        {
            var smallest = values.min();
            // The first batch sets the threshold; later ones move it by an exponential average.
            if (_threshold.item<float>() == 0) _threshold.copy_(smallest.view(1));
            else _threshold.mul_(1 - ThresholdMomentum).add_(smallest * ThresholdMomentum);
        }
        return zeros_like(flat).scatter(0, indices, values).view_as(pre);
    }

    /// <summary>Each latent keeps its K·n/m largest activations of the batch (n vectors); one with fewer positive ones keeps those.</summary>
    private Tensor ExpertChoice(Tensor pre)
    {
        var (values, indices) = nn.functional.relu(pre).topk((int)ExpertShare(pre.shape[0]), 0);
        return zeros_like(pre).scatter(0, indices, values);
    }

    private long ExpertShare(long n) => Math.Clamp((long)Math.Ceiling((double)Config.Architecture.K * n / Width), 1, n);

    /// <summary>
    /// Sets each expert-choice latent's inference threshold halfway between its K·N/m-th and next largest activation
    /// over <paramref name="vectors"/> [N, d] (the training vectors), so at inference it fires on at most the share of them
    /// it was trained to. Other activations: nothing to do.
    /// </summary>
    public void CalibrateThresholds(Tensor vectors)
    {
        if (_latentThresholds is null) return;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var pre = nn.functional.relu(PreActivations(InputSpace(vectors))); // no activation: Encode would run a batch-wide choice for nothing
        long n = pre.shape[0], keep = ExpertShare(n);
        var sorted = pre.topk((int)Math.Min(n, keep + 1), 0).values;
        var threshold = keep < n ? (sorted.select(0, keep - 1) + sorted.select(0, keep)) / 2 : zeros(Width, device: pre.device);
        _latentThresholds.copy_(threshold);
    }
}
