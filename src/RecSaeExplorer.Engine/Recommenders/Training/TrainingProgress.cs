namespace RecSaeExplorer.Engine.Recommenders.Training;

/// <summary>
/// A training heartbeat. <see cref="Loss"/> is the mean batch loss of the epoch so far (including
/// the L2 penalty when that mode is on); <see cref="EpochDone"/> marks the last report of an epoch.
/// </summary>
public sealed record TrainingProgress(
    int Epoch, int Epochs, int Step, int StepsPerEpoch, double Loss, TimeSpan Elapsed, bool EpochDone);
