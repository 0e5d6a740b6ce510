using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Optimization;

/// <summary>Builds the optimizer a training asks for: Adam fused on the CPU, TorchSharp's otherwise.</summary>
public static class Optimizers
{
    public static IParameterOptimizer Adam(IReadOnlyList<Parameter> parameters, AdamSettings settings, int threads) =>
        FusedAdam.Supports(parameters)
            ? new FusedAdam(parameters, settings, threads)
            : new TorchOptimizer(optim.Adam(parameters, settings.LearningRate, settings.Beta1, settings.Beta2,
                settings.Epsilon, settings.WeightDecay));

    public static IParameterOptimizer Sgd(IReadOnlyList<Parameter> parameters, double learningRate, double weightDecay) =>
        new TorchOptimizer(optim.SGD(parameters, learningRate, weight_decay: weightDecay));
}
