namespace RecSaeExplorer.Engine.Optimization;

/// <summary>Adam's hyper-parameters (PyTorch's defaults).</summary>
public sealed record AdamSettings(double LearningRate, double Beta1 = 0.9, double Beta2 = 0.999,
    double Epsilon = 1e-8, double WeightDecay = 0);
