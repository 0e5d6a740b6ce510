namespace RecSaeExplorer.Engine.Recommenders.Training;

/// <summary>The factor that multiplies a batch's sum of squared rows in the training loss (<see cref="L2Mode"/>).</summary>
public static class L2Penalty
{
    /// <summary>0 when the optimizer decays the weights itself or λ = 0; divided by the batch size under a mean reduction.</summary>
    public static double Coefficient(RecommenderConfig config, int batchLength)
    {
        double lambda = config.L2Mode switch
        {
            L2Mode.Penalty => config.L2,
            L2Mode.SgdDecay => config.L2 / 2,
            _ => 0,
        };
        return config.Reduction == LossReduction.Sum ? lambda : lambda / batchLength;
    }
}
