using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Integrity;
using RecSaeExplorer.Engine.Torch;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Web.Caching;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Hosting;

namespace RecSaeExplorer.Web.Runs;

/// <summary>
/// The explorer's one view of the LiteDB run store, shared by every circuit and the training queue.
/// Store calls are serialized (one <see cref="RunStore"/>, opened lazily); recommenders are loaded
/// once on demand and leased out of a bounded cache, because rebuilding a TorchSharp model per page
/// would be slow, and keeping every model ever trained grew the server by gigabytes.
/// </summary>
public sealed class RunCatalog : IRunStoreAccess, IDisposable
{
    private RunStore? _store;
    private StoreException? _problem;
    private bool _disposed;
    private readonly Lock _storeGate = new();
    private readonly LeasedCache<LoadedRecommender> _recommenders;
    private readonly DatasetService _datasets;
    private readonly ILogger<RunCatalog> _logger;

    public RunCatalog(IOptions<ExplorerOptions> options, ProductPaths paths, DatasetService datasets, ILogger<RunCatalog> logger)
    {
        _datasets = datasets;
        _logger = logger;
        StorePath = options.Value.StorePath is { Length: > 0 } path ? Path.GetFullPath(path) : paths.StorePath;
        _recommenders = new LeasedCache<LoadedRecommender>(Math.Max(1, options.Value.CachedRecommenders), () => NativeMemory.Trim());
    }

    public string StorePath { get; }

    /// <summary>
    /// Why the store cannot be used (foreign, damaged, newer), or null; opens it on first call. A
    /// problem is kept until the explorer restarts, so every page shows it instead of failing one by one.
    /// </summary>
    public StoreException? Problem
    {
        get
        {
            try
            {
                Use(_ => 0);
            }
            catch (StoreException)
            {
            }
            return _problem;
        }
    }

    /// <summary>Fires after a run was stored or deleted (on the thread that did it).</summary>
    public event Action? Changed;

    /// <summary>Runs, newest first; only those of <paramref name="kind"/> when given.</summary>
    public IReadOnlyList<RunInfo> List(string? kind = null) => Use(s => s.List(kind));

    /// <summary>The run with this id or unique prefix, or null.</summary>
    public RunInfo? Find(string idOrPrefix) => Use(s =>
    {
        try
        {
            return s.Get(idOrPrefix);
        }
        catch (RunNotFoundException)
        {
            return null;
        }
    });

    /// <summary>Whether any recommender of the dataset named <paramref name="datasetName"/> is stored (the first-run check).</summary>
    public bool HasRecommenderOf(string datasetName) =>
        List(RunStore.RecommenderKind).Any(r => string.Equals(r.DatasetName, datasetName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether an SAE run of the dataset with the preset is stored (the first-run check of each SAE).</summary>
    public bool HasSaeOf(string datasetName, string preset) =>
        List(RunStore.SaeKind).Any(r => string.Equals(r.DatasetName, datasetName, StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.Preset, preset, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Tells the pages about a run a workflow just stored through this catalog; a recommender stays
    /// loaded, since it is what a page (or the SAE job queued behind it) asks for next.
    /// </summary>
    public void Stored(RunInfo run, LoadedRecommender? loaded = null)
    {
        if (loaded is not null) _recommenders.Adopt(run.Id, loaded);
        RaiseChanged();
    }

    /// <summary>Deletes a run nothing points at (see <see cref="RunStore.DeleteUnreferenced"/>); returns the refusal otherwise.</summary>
    public string? DeleteUnreferenced(string id)
    {
        string? refusal = Use(s => s.DeleteUnreferenced(id));
        if (refusal is not null) return refusal;
        _recommenders.Forget(id);
        RaiseChanged();
        return null;
    }

    /// <summary>
    /// A stored recommender with its dataset and split, loaded on first use and cached. Hold the lease
    /// while using the model: an idle one may be evicted (<see cref="ExplorerOptions.CachedRecommenders"/>).
    /// </summary>
    public async Task<Lease<LoadedRecommender>> LeaseRecommenderAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        var run = Find(idOrPrefix) ?? throw new RunNotFoundException(idOrPrefix);
        return await _recommenders.AcquireAsync(run.Id, async () =>
        {
            var dataset = await _datasets.GetAsync(run.DatasetName);
            var loaded = LoadedRecommender.Load(this, run.Id, dataset);
            _logger.LogInformation("Loaded recommender {Run} ({Model}, {Dataset})", run.Id, run.Model, run.DatasetName);
            return loaded;
        }, cancellationToken);
    }

    /// <summary>Ids of the recommenders in memory now.</summary>
    public IReadOnlyList<string> LoadedRecommenderIds => _recommenders.Keys;

    public IReadOnlyDictionary<int, NeuronName> NeuronNamesOf(string saeRunId) => Use(s => s.NeuronNamesOf(saeRunId));

    /// <summary>Keeps a person's name for a neuron (blank: back to the automatic label).</summary>
    public NeuronName? SetNeuronName(string saeRunId, int neuron, string? name) => Use(s => s.SetNeuronName(saeRunId, neuron, name));

    public Experiment SaveExperiment(Experiment experiment) => Use(s => s.SaveExperiment(experiment));

    public IReadOnlyList<Experiment> Experiments(string? runId = null) => Use(s => s.Experiments(runId));

    public Experiment? FindExperiment(string id) => Use(s => s.FindExperiment(id));

    /// <summary>Runs <paramref name="action"/> on the store under the catalog's lock (accounts and the audit trail use it too).</summary>
    public T Use<T>(Func<RunStore, T> action)
    {
        lock (_storeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_problem is not null) throw _problem;
            try
            {
                _store ??= new RunStore(StorePath);
                return action(_store);
            }
            catch (StoreException e) when (e.Problem != StoreProblem.Busy)
            {
                _problem = e;
                _logger.LogError("Store unusable: {Problem}", e.Message);
                throw;
            }
        }
    }

    private void RaiseChanged()
    {
        if (Changed is not { } changed) return;
        foreach (var handler in changed.GetInvocationList().Cast<Action>())
        {
            try
            {
                handler();
            }
            catch (Exception e)
            {
                _logger.LogDebug(e, "A runs subscriber failed");
            }
        }
    }

    public void Dispose()
    {
        _recommenders.Dispose();
        // Under the store's lock: a background reader (the first-admin check, a request) may still be inside the store,
        // and LiteDB's shared mode must release its file mutex on the thread that took it.
        lock (_storeGate)
        {
            _disposed = true;
            _store?.Dispose();
            _store = null;
        }
    }
}
