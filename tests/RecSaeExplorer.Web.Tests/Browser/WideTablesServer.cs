using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>The explorer over a trained SAE run and a log of experiments with long texts, the widest content its tables get.</summary>
public sealed class WideTablesServer : ExplorerServer
{
    public string SaeId { get; private set; } = "";

    protected override async Task PrepareAsync(string stateFolder)
    {
        var datasets = EngineServices.ShippedDatasets();
        using var catalog = new RunCatalog(Options.Create(new ExplorerOptions { StorePath = Path.Combine(stateFolder, "store.db") }),
            new ProductPaths(TestPaths.ShippedData, stateFolder), datasets, NullLogger<RunCatalog>.Instance);
        SaeId = await NeuronRunsFixture.TrainAsync(catalog);
        for (int i = 0; i < 3; i++)
            catalog.SaveExperiment(new Experiment
            {
                Id = $"wide{i:00000000}", RunId = SaeId, DatasetName = "ml-latest-small", Kind = ExperimentKind.Promote, ItemId = 1,
                ItemTitle = "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb", Neuron = 7, NeuronLabel = "Adventure/Children/Fantasy",
                Level = 4.25, Mode = "set", Audience = "facet:Children:50", AudienceDescription = "the 50 test users most concentrated on Children",
                AudienceSize = 50,
                Summary = "reached 31 of 48 eligible (65%) of 50 users; unflagged 20 of 30 (67%), 18 flagged and excluded; 12 by the research count",
                Author = "analyst-with-a-long-name", Note = "checking whether the guardrail changes the story for children's films at the top level",
                CreatedUtc = DateTime.UtcNow, State = $"run={SaeId}&item=1&neuron=7&level=4.25",
            });
    }
}
