namespace RecSaeExplorer.Engine.Optimization;

/// <summary>The two calls a training loop makes on its optimizer, whichever implements them.</summary>
public interface IParameterOptimizer : IDisposable
{
    /// <summary>Clears the parameters' gradients before the next backward pass.</summary>
    void ZeroGrad();

    /// <summary>Applies one update from the gradients of the last backward pass.</summary>
    void Step();
}
