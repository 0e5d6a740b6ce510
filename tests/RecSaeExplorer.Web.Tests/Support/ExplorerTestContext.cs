using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Hosting;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>
/// bunit contexts set up like the app: MudBlazor services and loose JS interop (Plotly and MudBlazor
/// call JS we do not emulate). One per test, disposed with <c>await using</c>: a MudBlazor service is
/// only IAsyncDisposable.
/// </summary>
internal static class ExplorerTestContext
{
    public static BunitContext Create()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        // Pages that show jobs (the home page's first-run banner) need a queue; an idle one is enough.
        ctx.Services.AddSingleton(new RecSaeExplorer.Web.Jobs.TrainingQueue(NullLogger<RecSaeExplorer.Web.Jobs.TrainingQueue>.Instance));
        ctx.AddGovernance();
        ctx.Services.AddScoped<RecSaeExplorer.Web.Components.Sharing.IAddressBar, NavigatingAddressBar>();
        return ctx;
    }

    /// <summary>A dataset service reading from <paramref name="dataRoot"/> (state goes there too).</summary>
    public static DatasetService DatasetService(string dataRoot, string? dataset = null, string? dataDir = null)
    {
        var catalog = new DatasetCatalog(new ProductPaths(dataRoot, dataRoot));
        var options = new ExplorerOptions { Dataset = dataset ?? DatasetCatalog.DefaultName, DataDir = dataDir };
        return new DatasetService(catalog, Options.Create(options), NullLogger<DatasetService>.Instance);
    }

    public static BunitContext WithDatasets(this BunitContext ctx, DatasetService datasets)
    {
        ctx.Services.AddSingleton(datasets);
        return ctx;
    }
}
