using LiteDB;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>
/// Trainings in flight: the explorer records a training when it starts and removes the record when it ends,
/// so a record still there on the next start is a training the process did not live to finish.
/// </summary>
public sealed partial class RunStore
{
    private const string TrainingsInFlightCollection = "trainings_in_flight";

    private ILiteCollection<TrainingInFlight> TrainingsInFlight => _db.GetCollection<TrainingInFlight>(TrainingsInFlightCollection);

    public void RecordTrainingStarted(TrainingInFlight training) => Guarded(() => TrainingsInFlight.Upsert(training));

    public void RecordTrainingEnded(string id) => Guarded(() => TrainingsInFlight.Delete(id));

    public IReadOnlyList<TrainingInFlight> TrainingsStillInFlight() => TrainingsInFlight.FindAll().OrderBy(t => t.StartedUtc).ToList();
}

/// <summary>A training that has started and not yet ended, with the process that runs it.</summary>
public sealed class TrainingInFlight
{
    /// <summary>Unique per process and job.</summary>
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Owner { get; set; }
    public DateTime StartedUtc { get; set; }
    public string Machine { get; set; } = "";
    public int ProcessId { get; set; }
}
