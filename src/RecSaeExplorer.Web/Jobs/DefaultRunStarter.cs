using Microsoft.Extensions.Options;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Jobs;

/// <summary>
/// First run: queue in the background what the first pages and the home page's demo cards need and the store
/// lacks (<see cref="ExplorerOptions.TrainDefaultRunOnStart"/>), so a fresh clone becomes browsable without a
/// CLI step. Later starts find the runs in the store and queue nothing.
/// </summary>
public sealed class DefaultRunStarter(
    IOptions<ExplorerOptions> options, RunCatalog catalog, TrainingQueue queue, ILogger<DefaultRunStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // opening the store must not hold up the server's start
        var settings = options.Value;
        if (!settings.TrainDefaultRunOnStart) return;
        try
        {
            var requests = Requests(settings, catalog.HasRecommenderOf, catalog.HasSaeOf).ToList();
            if (requests.Count == 0) logger.LogInformation("Default and demo runs present for {Dataset}", settings.Dataset);
            foreach (var request in requests) queue.Enqueue(request);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not check the store {Store} for a default run", catalog.StorePath);
        }
    }

    /// <summary>Everything a fresh store gets, in training order (<see cref="Requests(ExplorerOptions, Func{string, bool}, Func{string, string, bool})"/>).</summary>
    public static IEnumerable<TrainingRequest> Requests(ExplorerOptions settings) => Requests(settings, _ => false, (_, _) => false);

    /// <summary>
    /// The requests for what is missing, quickest value first: the default dataset's recommender and quick SAE (pages
    /// usable within a minute), the demo dataset's recommender and default SAE (the home page's headline story), then
    /// the default dataset's default SAE. Each recommender is skipped when one of its dataset is stored, each SAE when
    /// a run of its dataset and preset is; an SAE queued behind a recommender job trains on that recommender.
    /// </summary>
    public static IEnumerable<TrainingRequest> Requests(ExplorerOptions settings, Func<string, bool> hasRecommender, Func<string, string, bool> hasSae)
    {
        bool demo = !string.IsNullOrWhiteSpace(settings.DemoDataset) && !string.Equals(settings.DemoDataset, settings.Dataset, StringComparison.OrdinalIgnoreCase);
        (string Dataset, string? SaePreset)[] plan =
        [
            (settings.Dataset, null), (settings.Dataset, settings.QuickSaePreset),
            .. demo ? new (string, string?)[] { (settings.DemoDataset, null), (settings.DemoDataset, settings.DefaultSaePreset) } : [],
            (settings.Dataset, settings.DefaultSaePreset),
        ];
        var queued = new HashSet<(string, string?)>();
        foreach (var (dataset, preset) in plan)
        {
            if (preset is not null && string.IsNullOrWhiteSpace(preset) || !queued.Add((dataset, preset?.ToLowerInvariant()))) continue;
            if (preset is null && !hasRecommender(dataset))
                yield return new RecommenderTrainingRequest(dataset, RecommenderModel.Mf, settings.DefaultRecommenderPreset) { IsDefaultRun = true };
            else if (preset is not null && !hasSae(dataset, preset))
                yield return new SaeTrainingRequest(dataset, null, preset, null) { IsDefaultRun = true };
        }
    }
}
