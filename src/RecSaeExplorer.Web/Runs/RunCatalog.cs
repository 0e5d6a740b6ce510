using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Integrity;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Hosting;

namespace RecSaeExplorer.Web.Runs;

/// <summary>A stored recommender in memory with the data and split it was trained on.</summary>
public sealed record LoadedRecommender(RunInfo Run, Dataset Dataset, DatasetSplit Split, TrainedRecommender Recommender);

/// <summary>
/// The explorer's one view of the LiteDB run store, shared by every circuit and the training queue.
/// Store calls are serialized (one <see cref="RunStore"/>, opened lazily); recommenders are loaded
/// once on demand and kept, because rebuilding a TorchSharp model per page would be slow and
/// concurrent loads would race on LibTorch's global state.
/// </summary>
public sealed class RunCatalog : IDisposable
{
    private RunStore? _store;
    private StoreException? _problem;
    private readonly Lock _storeGate = new();
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private readonly ConcurrentDictionary<string, LoadedRecommender> _recommenders = new(StringComparer.Ordinal);
    private readonly DatasetService _datasets;
    private readonly ILogger<RunCatalog> _logger;

    public RunCatalog(IOptions<ExplorerOptions> options, ProductPaths paths, DatasetService datasets, ILogger<RunCatalog> logger)
    {
        _datasets = datasets;
        _logger = logger;
        StorePath = options.Value.StorePath is { Length: > 0 } path ? Path.GetFullPath(path) : paths.StorePath;
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

    /// <summary>The newest recommender run of a dataset (by name), or null.</summary>
    public RunInfo? NewestRecommender(string datasetName) =>
        List(RunStore.RecommenderKind).FirstOrDefault(r => string.Equals(r.DatasetName, datasetName, StringComparison.OrdinalIgnoreCase));

    public RunInfo SaveRecommender(TrainedRecommender trained, RecommenderMetrics metrics, Dataset dataset, DatasetSplit split)
    {
        var run = Use(s => s.SaveRecommender(trained, metrics));
        // The freshly trained model is what a page would load next: keep it instead of reloading it.
        _recommenders[run.Id] = new LoadedRecommender(run, dataset, split, trained);
        RaiseChanged();
        return run;
    }

    public RunInfo SaveSae(TrainedSae trained, string recommenderRunId, SaeMetrics metrics)
    {
        var run = Use(s => s.SaveSae(trained, recommenderRunId, metrics));
        RaiseChanged();
        return run;
    }

    public bool Delete(string id)
    {
        bool deleted = Use(s => s.Delete(id));
        if (_recommenders.TryRemove(id, out var loaded)) loaded.Recommender.Dispose();
        if (deleted) RaiseChanged();
        return deleted;
    }

    /// <summary>Deletes a run nothing points at (see <see cref="RunStore.DeleteUnreferenced"/>); returns the refusal otherwise.</summary>
    public string? DeleteUnreferenced(string id)
    {
        string? refusal = Use(s => s.DeleteUnreferenced(id));
        if (refusal is not null) return refusal;
        if (_recommenders.TryRemove(id, out var loaded)) loaded.Recommender.Dispose();
        RaiseChanged();
        return null;
    }

    /// <summary>A stored recommender with its dataset and split, loaded on first use and cached.</summary>
    public async Task<LoadedRecommender> GetRecommenderAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        var run = Find(idOrPrefix) ?? throw new RunNotFoundException(idOrPrefix);
        if (_recommenders.TryGetValue(run.Id, out var cached)) return cached;
        var dataset = await _datasets.GetAsync(run.DatasetName, cancellationToken);
        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (_recommenders.TryGetValue(run.Id, out cached)) return cached;
            var loaded = await Task.Run(() =>
            {
                var trained = Use(s => s.LoadRecommender(run.Id, dataset));
                return new LoadedRecommender(run, dataset, DatasetSplit.Create(dataset, run.SplitSeed), trained);
            }, cancellationToken);
            _logger.LogInformation("Loaded recommender {Run} ({Model}, {Dataset})", run.Id, run.Model, run.DatasetName);
            return _recommenders[run.Id] = loaded;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    /// <summary>Rebuilds a stored SAE for its (loaded) recommender. The caller owns the result.</summary>
    public TrainedSae LoadSae(string saeRunId, LoadedRecommender recommender) =>
        Use(s => s.LoadSae(saeRunId, recommender.Dataset, recommender.Recommender.Model));

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
        foreach (var loaded in _recommenders.Values) loaded.Recommender.Dispose();
        _recommenders.Clear();
        _store?.Dispose();
        _loadGate.Dispose();
    }
}
