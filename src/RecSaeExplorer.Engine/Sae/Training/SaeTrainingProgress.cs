namespace RecSaeExplorer.Engine.Sae.Training;

/// <summary>A training heartbeat: step counts, the mean total loss of recent steps and its parts.</summary>
public sealed record SaeTrainingProgress(int Step, int Steps, SaeLossParts Loss, TimeSpan Elapsed, bool Done);

/// <summary>The weighted terms of one step's loss (already multiplied by α, β, λ...).</summary>
public sealed record SaeLossParts(double Total, double Embedding, double Prediction, double Kl, double L1, double Aux)
{
    public static SaeLossParts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public SaeLossParts Plus(SaeLossParts o) =>
        new(Total + o.Total, Embedding + o.Embedding, Prediction + o.Prediction, Kl + o.Kl, L1 + o.L1, Aux + o.Aux);

    public SaeLossParts Over(double n) =>
        n == 0 ? this : new(Total / n, Embedding / n, Prediction / n, Kl / n, L1 / n, Aux / n);
}
