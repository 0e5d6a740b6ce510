using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Tests.Hosting;

public class HostingExtensionsTests
{
    [Fact]
    public void The_default_dataset_comes_from_the_catalog_unless_configured()
    {
        using var host = Build([]);

        Assert.Equal(DatasetCatalog.DefaultName, host.Services.GetRequiredService<DatasetService>().DefaultName);
    }

    [Fact]
    public void The_explorer_section_chooses_the_dataset()
    {
        using var host = Build(new() { ["Explorer:Dataset"] = LastFmLoader.DatasetName });

        var service = host.Services.GetRequiredService<DatasetService>();

        Assert.Equal(LastFmLoader.DatasetName, service.DefaultName);
        Assert.Same(service, host.Services.GetRequiredService<DatasetService>());
    }

    [Fact]
    public void The_engine_services_are_shared_singletons_and_the_queue_is_hosted()
    {
        using var host = Build(new() { ["Explorer:TrainDefaultRunOnStart"] = "false", ["Explorer:StorePath"] = "unused.db" });

        Assert.Same(host.Services.GetRequiredService<RunCatalog>(), host.Services.GetRequiredService<RunCatalog>());
        Assert.Same(host.Services.GetRequiredService<TrainingQueue>(), host.Services.GetRequiredService<TrainingQueue>());
        Assert.IsType<EngineTrainingRunner>(host.Services.GetRequiredService<ITrainingRunner>());
        var hosted = host.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        Assert.Contains(typeof(TrainingQueueService), hosted);
        Assert.Contains(typeof(DefaultRunStarter), hosted);
        Assert.EndsWith("unused.db", host.Services.GetRequiredService<RunCatalog>().StorePath);
        Assert.False(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ExplorerOptions>>().Value.TrainDefaultRunOnStart);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddExplorerServices();
        return builder.Build();
    }
}
