using System.Diagnostics;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Jobs;

/// <summary>
/// Records each running training in the store, so a training that the explorer did not live to finish
/// (stopped, killed, crashed) is reported as interrupted on the next start instead of vanishing. Nothing
/// half-trained is ever stored: a run is saved in one transaction at the end.
/// </summary>
public sealed class TrainingJournal(RunCatalog catalog, ILogger<TrainingJournal> logger)
{
    private readonly string _process = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public void Started(TrainingJob job) => Try(s => s.RecordTrainingStarted(new TrainingInFlight
    {
        Id = Key(job), Title = job.Request.Title, Owner = job.Request.Owner, StartedUtc = job.StartedUtc ?? DateTime.UtcNow,
        Machine = Environment.MachineName, ProcessId = Environment.ProcessId,
    }));

    public void Ended(TrainingJob job) => Try(s => s.RecordTrainingEnded(Key(job)));

    /// <summary>
    /// Trainings recorded by processes that are gone, removed from the record. A live explorer on the same
    /// store (same machine, process still running) keeps its own.
    /// </summary>
    public IReadOnlyList<TrainingInFlight> TakeInterrupted()
    {
        var gone = new List<TrainingInFlight>();
        Try(s =>
        {
            foreach (var t in s.TrainingsStillInFlight().Where(t => !IsAlive(t)))
            {
                s.RecordTrainingEnded(t.Id);
                gone.Add(t);
            }
        });
        return gone;
    }

    private string Key(TrainingJob job) => $"{_process}/{job.Id}";

    private static bool IsAlive(TrainingInFlight t)
    {
        if (t.Machine != Environment.MachineName) return true; // cannot tell: leave another machine's record alone
        if (t.ProcessId == Environment.ProcessId) return false;
        try
        {
            using var process = Process.GetProcessById(t.ProcessId);
            return !process.HasExited && process.StartTime.ToUniversalTime() <= t.StartedUtc;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A store that cannot record this must not stop a training; the store pages report the store itself.</summary>
    private void Try(Action<RunStore> action)
    {
        try
        {
            catalog.Use(s => { action(s); return 0; });
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not update the record of trainings in flight");
        }
    }
}
