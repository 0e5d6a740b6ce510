using MudBlazor.Services;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Web.Datasets;

namespace RecSaeExplorer.Web.Hosting;

/// <summary>Composition of the explorer's services, kept out of Program.cs so it reads as one list.</summary>
public static class HostingExtensions
{
    public static IHostApplicationBuilder AddExplorerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExplorerOptions>()
            .Bind(builder.Configuration.GetSection(ExplorerOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Dataset), "Explorer:Dataset must name a dataset.")
            .ValidateOnStart();

        builder.Services.AddSingleton(_ => ProductPaths.Discover());
        builder.Services.AddSingleton<DatasetCatalog>();
        builder.Services.AddSingleton<DatasetService>();

        builder.Services.AddMudServices();
        return builder;
    }
}
