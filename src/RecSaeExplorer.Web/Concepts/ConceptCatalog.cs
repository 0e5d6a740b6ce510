using System.Collections.Concurrent;
using System.Diagnostics;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Concepts;

/// <summary>
/// Opens SAE runs for the neuron pages and the labs, once per run for the whole app: loading encodes
/// every item and user and profiles every neuron (about a second on ML-1M), which no page should repeat.
/// Concurrent first requests share one load; a failed load is forgotten so it can be retried.
/// </summary>
public sealed class ConceptCatalog : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ExploredSae>>> _open = new(StringComparer.Ordinal);
    private readonly RunCatalog _runs;
    private readonly ILogger<ConceptCatalog> _logger;

    public ConceptCatalog(RunCatalog runs, ILogger<ConceptCatalog> logger)
    {
        _runs = runs;
        _logger = logger;
        _runs.Changed += ForgetDeleted;
    }

    /// <summary>Fires after a person renamed a neuron: (run id, neuron).</summary>
    public event Action<string, int>? NameChanged;

    /// <summary>The SAE runs that can be explored, newest first.</summary>
    public IReadOnlyList<RunInfo> SaeRuns() => _runs.List(RunStore.SaeKind);

    /// <summary>The SAE run with this id (or unique prefix), opened and cached.</summary>
    public async Task<ExploredSae> OpenAsync(string idOrPrefix, CancellationToken ct = default)
    {
        var run = _runs.Find(idOrPrefix) ?? throw new RunNotFoundException(idOrPrefix);
        if (run.Kind != RunStore.SaeKind || run.ParentRunId is null)
            throw new InvalidOperationException($"Run '{run.Id}' is a {run.Kind} run; neurons belong to SAE runs.");
        var load = _open.GetOrAdd(run.Id, _ => new Lazy<Task<ExploredSae>>(() => LoadAsync(run)));
        try
        {
            return await load.Value.WaitAsync(ct);
        }
        catch (Exception) when (load.Value.IsFaulted || load.Value.IsCanceled)
        {
            _open.TryRemove(new KeyValuePair<string, Lazy<Task<ExploredSae>>>(run.Id, load));
            throw;
        }
    }

    /// <summary>Keeps a person's name for neuron <paramref name="neuron"/> (blank: back to the automatic label) and shows it everywhere.</summary>
    public void Rename(ExploredSae sae, int neuron, string? name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(neuron);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(neuron, sae.Width);
        sae.SetName(neuron, _runs.SetNeuronName(sae.Run.Id, neuron, name));
        NameChanged?.Invoke(sae.Run.Id, neuron);
    }

    private async Task<ExploredSae> LoadAsync(RunInfo run)
    {
        var clock = Stopwatch.StartNew();
        var recommender = await _runs.GetRecommenderAsync(run.ParentRunId!);
        var explored = await Task.Run(() => new ExploredSae(OpenedSae.Open(_runs, recommender, run.Id, withVectors: true)));
        _logger.LogInformation("Opened SAE run {Run}: {Neurons} neurons profiled in {Elapsed} ms", run.Id, explored.Width, clock.ElapsedMilliseconds);
        return explored;
    }

    // A deleted run disappears from the pages; its memory is left to the GC, since a circuit may still be reading it.
    private void ForgetDeleted()
    {
        var stored = _runs.List(RunStore.SaeKind).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (string id in _open.Keys.Where(id => !stored.Contains(id)).ToList()) _open.TryRemove(id, out _);
    }

    public void Dispose()
    {
        _runs.Changed -= ForgetDeleted;
        foreach (var load in _open.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully)) load.Value.Result.Dispose();
        _open.Clear();
    }
}
