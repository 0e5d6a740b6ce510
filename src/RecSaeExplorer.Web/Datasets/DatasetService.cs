using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Web.Hosting;

namespace RecSaeExplorer.Web.Datasets;

/// <summary>
/// Loads datasets for the explorer: once per name for the whole app (every circuit shares it), on a
/// thread-pool thread so a circuit never blocks on file parsing. A failed load is forgotten, so a
/// dataset fetched after the failure is picked up without a restart.
/// </summary>
public sealed class DatasetService(DatasetCatalog catalog, IOptions<ExplorerOptions> options, ILogger<DatasetService> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LoadedDataset>>> _loads = new(StringComparer.OrdinalIgnoreCase);
    private readonly ExplorerOptions _options = options.Value;

    /// <summary>The dataset pages open with unless told otherwise.</summary>
    public string DefaultName => _options.Dataset;

    /// <summary>Catalog datasets whose files are on disk (ML-1M only once fetched or imported), in catalog order.</summary>
    public IReadOnlyList<IDatasetLoader> Available() =>
        catalog.Loaders.Where(l => l.IsPresent(FolderOf(l.Name))).ToList();

    /// <summary>The catalog's description of <paramref name="name"/>, or null for an unknown name.</summary>
    public string? DescriptionOf(string name) =>
        catalog.Loaders.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))?.Description;

    public async Task<Dataset> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await LoadAsync(name).WaitAsync(cancellationToken)).Dataset;

    public async Task<DatasetStats> GetStatsAsync(string name, CancellationToken cancellationToken = default) =>
        (await LoadAsync(name).WaitAsync(cancellationToken)).Stats;

    private Task<LoadedDataset> LoadAsync(string name)
    {
        // Lazy makes concurrent first requests share one load instead of racing to parse the files.
        var created = new Lazy<Task<LoadedDataset>>(() => Task.Run(() => Load(name)));
        var load = _loads.GetOrAdd(name, created);
        if (load != created && load.Value is { IsFaulted: true } or { IsCanceled: true })
        {
            // An earlier failure whose clean-up continuation has not run yet: forget it and load afresh.
            _loads.TryRemove(new KeyValuePair<string, Lazy<Task<LoadedDataset>>>(name, load));
            load = _loads.GetOrAdd(name, created);
        }
        var task = load.Value;
        if (!task.IsCompletedSuccessfully) _ = task.ContinueWith(
            _ => _loads.TryRemove(new KeyValuePair<string, Lazy<Task<LoadedDataset>>>(name, load)),
            CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        return task;
    }

    private LoadedDataset Load(string name)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var dataset = catalog.Load(name, DataDirOf(name));
            var stats = DatasetStats.Of(dataset);
            logger.LogInformation("Loaded dataset {Dataset} ({Users} users, {Items} items, {Interactions} interactions) in {Elapsed} ms",
                dataset.Name, stats.Users, stats.Items, stats.Interactions, clock.ElapsedMilliseconds);
            return new LoadedDataset(dataset, stats);
        }
        catch (DatasetNotFoundException e)
        {
            // An expected state (ML-1M not fetched yet), not a fault: no stack trace in the log.
            logger.LogWarning("Dataset {Dataset} is not available: {Reason}", name, e.Message);
            throw;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Loading dataset {Dataset} failed after {Elapsed} ms", name, clock.ElapsedMilliseconds);
            throw;
        }
    }

    private string? DataDirOf(string name) =>
        _options.DataDir is { Length: > 0 } dir && string.Equals(name, _options.Dataset, StringComparison.OrdinalIgnoreCase) ? dir : null;

    private string FolderOf(string name) => DataDirOf(name) ?? catalog.DefaultFolder(name);

    private sealed record LoadedDataset(Dataset Dataset, DatasetStats Stats);
}
