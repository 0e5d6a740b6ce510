using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Hosting;

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

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddExplorerServices();
        return builder.Build();
    }
}
