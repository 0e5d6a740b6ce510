using LiteDB;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>Deleting a run only when nothing points at it, checked and done in one transaction.</summary>
public sealed partial class RunStore
{
    /// <summary>
    /// Deletes the run (document, weights, neuron names) and returns null, or returns why not and deletes nothing:
    /// a recommender with SAE runs trained on it, or a run that proposals were made on (their specs pin its weights).
    /// Saved experiments stay either way: they are history.
    /// </summary>
    public string? DeleteUnreferenced(string id)
    {
        RequireWrite();
        return Guarded(() => DeleteInTransaction(id, () => _runs.FindById(id) is null ? $"There is no run '{id}'." : Refusal(id)).Refusal);
    }

    private string? Refusal(string id)
    {
        var saes = _runs.Find(Query.EQ("parentRunId", id)).Select(d => d["_id"].AsString).Order(StringComparer.Ordinal).ToList();
        if (saes.Count > 0)
            return $"Run {id} has {saes.Count} SAE run(s) trained on it: {string.Join(", ", saes)}. Delete those first.";
        var experiments = ExperimentsLog.Find(Query.EQ("runId", id)).Select(d => d["_id"].AsString).ToList();
        var proposals = experiments.Select(e => Proposals.FindById(e)).OfType<Governance.Proposal>()
            .Select(p => $"{p.Id} ({p.Status.ToString().ToLowerInvariant()})").Order(StringComparer.Ordinal).ToList();
        return proposals.Count > 0
            ? $"Run {id} has {proposals.Count} proposal(s) made on it: {string.Join(", ", proposals)}. Their specs pin this model, so it is kept."
            : null;
    }
}
