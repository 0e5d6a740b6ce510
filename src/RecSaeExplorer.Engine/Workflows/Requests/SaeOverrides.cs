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
        config = config with
        {
            Beta = Beta ?? config.Beta,
            Steps = Steps ?? config.Steps,
            Width = Width ?? config.Width,
            K = K ?? config.K,
            Alpha = Alpha ?? config.Alpha,
            LambdaL1 = LambdaL1 ?? config.LambdaL1,
            LearningRate = LearningRate ?? config.LearningRate,
            Temperature = Temperature ?? config.Temperature,
            AuxCoefficient = AuxCoefficient ?? config.AuxCoefficient,
            DeadAfterSteps = DeadAfterSteps ?? config.DeadAfterSteps,
            Activation = Activation ?? config.Activation,
            PredictionLoss = PredictionLoss ?? config.PredictionLoss,
            PredictionPairs = Pairs ?? config.PredictionPairs,
            TiedDecoder = TiedDecoder ?? config.TiedDecoder,
            ResampleEvery = ResampleEvery ?? config.ResampleEvery,
            ResampleBelow = ResampleBelow ?? config.ResampleBelow,
            ResampleUntil = ResampleUntil ?? config.ResampleUntil,
            UnitNormInput = UnitNormInput ?? config.UnitNormInput,
            Standardize = Standardize ?? (UnitNormInput == true ? false : config.Standardize),
        };
        config.Validate();
        return config;
    }
}
