using TorchSharp;

namespace RecSaeExplorer.Engine.Optimization;

/// <summary>A TorchSharp optimizer (SGD, or Adam off the CPU) behind <see cref="IParameterOptimizer"/>.</summary>
public sealed class TorchOptimizer(torch.optim.Optimizer inner) : IParameterOptimizer
{
    public void ZeroGrad() => inner.zero_grad();

    public void Step() => inner.step();

    public void Dispose() => inner.Dispose();
}
