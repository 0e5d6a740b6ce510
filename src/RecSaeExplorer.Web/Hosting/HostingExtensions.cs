using MudBlazor.Services;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Web.Components.Sharing;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Showcase;

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

        // The engine behind every page: one run store and model cache, one training queue drained by a
        // hosted service (one job at a time), and the first-run check that may queue the default run.
        builder.Services.AddSingleton<RunCatalog>();
        builder.Services.AddSingleton<TrainingJournal>();
        builder.Services.AddSingleton<TrainingQueue>();
        builder.Services.AddSingleton<ITrainingRunner, EngineTrainingRunner>();
        builder.Services.AddHostedService<TrainingQueueService>();
        builder.Services.AddHostedService<DefaultRunStarter>();

        // Opened SAE runs (codes, neuron profiles, names) and the labs' cached audiences, shared by every circuit.
        builder.Services.AddSingleton<ConceptCatalog>();
        builder.Services.AddSingleton<LabService>();
        builder.Services.AddSingleton<ShowcaseService>();
        builder.Services.AddSingleton<HeavyLabWorkLimiter>();
        builder.Services.AddScoped<HeavyLabWork>();
        builder.Services.AddScoped<IAddressBar, AddressBar>();

        builder.Services.AddMudServices();
        return builder;
    }
}
