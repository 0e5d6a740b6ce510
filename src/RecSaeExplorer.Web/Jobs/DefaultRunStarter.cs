using Microsoft.Extensions.Options;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Jobs;

/// <summary>
/// First run: when the store has no recommender of the default dataset, queue the default training
/// (a recommender, then an SAE on it) so a fresh clone becomes browsable without a CLI step. Later
/// starts find the run in the store and queue nothing.
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
            if (catalog.HasRecommenderOf(settings.Dataset))
            {
                logger.LogInformation("Default run present for {Dataset}", settings.Dataset);
                return;
            }
            foreach (var request in Requests(settings)) queue.Enqueue(request);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not check the store {Store} for a default run", catalog.StorePath);
        }
    }

    public static IEnumerable<TrainingRequest> Requests(ExplorerOptions settings)
    {
        yield return new RecommenderTrainingRequest(settings.Dataset, RecommenderModel.Mf, settings.DefaultRecommenderPreset) { IsDefaultRun = true };
        if (!string.IsNullOrWhiteSpace(settings.DefaultSaePreset))
            yield return new SaeTrainingRequest(settings.Dataset, null, settings.DefaultSaePreset, null) { IsDefaultRun = true };
    }
}
