using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>The explorer's engine services over a store in a temp folder, built like the app builds them.</summary>
internal static class EngineServices
{
    public static DatasetService ShippedDatasets() => ExplorerTestContext.DatasetService(TestPaths.ShippedData);

    public static RunCatalog Catalog(string folder, DatasetService? datasets = null) =>
        new(Options.Create(new ExplorerOptions { StorePath = Path.Combine(folder, "store.db") }),
            new ProductPaths(TestPaths.ShippedData, folder), datasets ?? ShippedDatasets(), NullLogger<RunCatalog>.Instance);

    public static TrainingQueue Queue() => new(NullLogger<TrainingQueue>.Instance);

    public static BunitContext WithEngine(this BunitContext ctx, RunCatalog catalog, TrainingQueue? queue = null)
    {
        ctx.Services.AddSingleton(catalog);
        if (queue is not null) ctx.Services.AddSingleton(queue);
        return ctx;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (for the queue's background work).</summary>
    public static async Task Eventually(Func<bool> condition, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }
}
