using RecSaeExplorer.Engine.Sae;

namespace RecSaeExplorer.Engine.Workflows.Requests;

/// <summary>
/// Single fields of an SAE preset a person may override (the CLI's options, the explorer's form, the
/// API). <see cref="ApplyTo"/> is the one place they meet a preset; null leaves the preset's value.
/// </summary>
public sealed record SaeOverrides
{
    public static SaeOverrides None { get; } = new();

    public double? Beta { get; init; }
    public int? Steps { get; init; }
    public int? Width { get; init; }
    public int? K { get; init; }
    public double? Alpha { get; init; }
    public double? LambdaL1 { get; init; }
    public double? LearningRate { get; init; }
    public double? Temperature { get; init; }
    public double? AuxCoefficient { get; init; }
    public int? DeadAfterSteps { get; init; }
    public SaeActivation? Activation { get; init; }
    public PredictionLossKind? PredictionLoss { get; init; }
    public PredictionPairs? Pairs { get; init; }
    public bool? Standardize { get; init; }
    public bool? TiedDecoder { get; init; }

    /// <summary>Unit-length input scaling; turning it on also turns standardization off unless that is given too.</summary>
    public bool? UnitNormInput { get; init; }

    public int? ResampleEvery { get; init; }
    public double? ResampleBelow { get; init; }
    public double? ResampleUntil { get; init; }

    /// <summary>The config with every given field replaced, validated (an <see cref="ArgumentException"/> names the bad field).</summary>
    public SaeConfig ApplyTo(SaeConfig config)
    {
        var (a, l, d, p, s) = (config.Architecture, config.Loss, config.DeadLatents, config.Prediction, config.Schedule);
        config = config with
        {
            Architecture = a with
            {
                Width = Width ?? a.Width, K = K ?? a.K, Activation = Activation ?? a.Activation, TiedDecoder = TiedDecoder ?? a.TiedDecoder,
                UnitNormInput = UnitNormInput ?? a.UnitNormInput, Standardize = Standardize ?? (UnitNormInput == true ? false : a.Standardize),
            },
            Loss = l with { Alpha = Alpha ?? l.Alpha, Beta = Beta ?? l.Beta, LambdaL1 = LambdaL1 ?? l.LambdaL1 },
            DeadLatents = d with
            {
                AuxCoefficient = AuxCoefficient ?? d.AuxCoefficient, DeadAfterSteps = DeadAfterSteps ?? d.DeadAfterSteps,
                ResampleEvery = ResampleEvery ?? d.ResampleEvery, ResampleBelow = ResampleBelow ?? d.ResampleBelow, ResampleUntil = ResampleUntil ?? d.ResampleUntil,
            },
            Prediction = p with { Loss = PredictionLoss ?? p.Loss, Pairs = Pairs ?? p.Pairs, Temperature = Temperature ?? p.Temperature },
            Schedule = s with { Steps = Steps ?? s.Steps, LearningRate = LearningRate ?? s.LearningRate },
        };
        config.Validate();
        return config;
    }
}
