using Microsoft.Extensions.Options;
using System.Diagnostics;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Torch;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Web.Caching;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Concepts;

/// <summary>
/// Opens SAE runs for the neuron pages and the labs, once per run for the whole app: loading encodes
/// every item and user and profiles every neuron (about a second on ML-1M), which no page should repeat.
/// Runs are leased out of a bounded <see cref="LeasedCache{T}"/>: concurrent first requests share one
/// load, a failed load is forgotten, and idle runs beyond the limit are evicted and disposed.
/// </summary>
public sealed class ConceptCatalog : IDisposable
{
    private readonly LeasedCache<ExploredSae> _open;
    private readonly RunCatalog _runs;
    private readonly ILogger<ConceptCatalog> _logger;

    public ConceptCatalog(RunCatalog runs, ILogger<ConceptCatalog> logger, IOptions<ExplorerOptions>? options = null)
    {
        _open = new LeasedCache<ExploredSae>(Math.Max(1, (options?.Value ?? new ExplorerOptions()).CachedSaeRuns), () => NativeMemory.Trim());
        _runs = runs;
        _logger = logger;
        _runs.Changed += ForgetDeleted;
    }

    /// <summary>Fires after a person renamed a neuron: (run id, neuron).</summary>
    public event Action<string, int>? NameChanged;

    /// <summary>The SAE runs that can be explored, newest first.</summary>
    public IReadOnlyList<RunInfo> SaeRuns() => _runs.List(RunStore.SaeKind);

    /// <summary>
    /// The SAE run with this id (or unique prefix), opened once and cached. Dispose the lease when the
    /// page or request is done with it: idle runs beyond <see cref="ExplorerOptions.CachedSaeRuns"/> are
    /// evicted and their tensors freed.
    /// </summary>
    public async Task<Lease<ExploredSae>> LeaseAsync(string idOrPrefix, CancellationToken ct = default)
    {
        var run = _runs.Find(idOrPrefix) ?? throw new RunNotFoundException(idOrPrefix);
        if (run.Kind != RunStore.SaeKind || run.ParentRunId is null)
            throw new InvalidOperationException($"Run '{run.Id}' is a {run.Kind} run; neurons belong to SAE runs.");
        return await _open.AcquireAsync(run.Id, () => LoadAsync(run), ct);
    }

    /// <summary>Ids of the SAE runs in memory now.</summary>
    public IReadOnlyList<string> OpenRunIds => _open.Keys;

    /// <summary>How many pages and requests hold run <paramref name="runId"/> now.</summary>
    public int HoldersOf(string runId) => _open.LeasesOf(runId);

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
        // The opened run holds its recommender until it is itself evicted.
        var recommender = await _runs.LeaseRecommenderAsync(run.ParentRunId!);
        try
        {
            var explored = await Task.Run(() => new ExploredSae(OpenedSae.Open(_runs, recommender.Value, run.Id, withVectors: true), recommender));
            _logger.LogInformation("Opened SAE run {Run}: {Neurons} neurons profiled in {Elapsed} ms", run.Id, explored.Width, clock.ElapsedMilliseconds);
            return explored;
        }
        catch
        {
            recommender.Dispose();
            throw;
        }
    }

    // A deleted run disappears from the pages; its memory goes when the last page holding it lets go.
    private void ForgetDeleted()
    {
        var stored = _runs.List(RunStore.SaeKind).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (string id in _open.Keys.Where(id => !stored.Contains(id))) _open.Forget(id);
    }

    public void Dispose()
    {
        _runs.Changed -= ForgetDeleted;
        _open.Dispose();
    }
}
