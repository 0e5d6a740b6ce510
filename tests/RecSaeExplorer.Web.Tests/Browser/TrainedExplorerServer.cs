using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>
/// The explorer started over a store that already holds a tiny MF and a top-k SAE on ml-latest-small,
/// trained by the engine into the server's state folder before the process starts. What the browser
/// should find is read from the same run beforehand.
/// </summary>
public sealed class TrainedExplorerServer : ExplorerServer
{
    public string SaeId { get; private set; } = "";
    public int Width { get; private set; }

    /// <summary>The first alive neuron and the titles of its strongest items, strongest first.</summary>
    public int Neuron { get; private set; }
    public IReadOnlyList<string> TopTitles { get; private set; } = [];

    protected override async Task PrepareAsync(string stateFolder)
    {
        var datasets = EngineServices.ShippedDatasets();
        using var catalog = new RunCatalog(Options.Create(new ExplorerOptions { StorePath = Path.Combine(stateFolder, "store.db") }),
            new ProductPaths(TestPaths.ShippedData, stateFolder), datasets, NullLogger<RunCatalog>.Instance);
        SaeId = await NeuronRunsFixture.TrainAsync(catalog);
        using var concepts = new ConceptCatalog(catalog, NullLogger<ConceptCatalog>.Instance);
        var sae = await concepts.OpenAsync(SaeId);
        Width = sae.Width;
        var alive = sae.Profiles.First(p => p.TopItems.Count > 0);
        Neuron = alive.Index;
        TopTitles = alive.TopItems.Select(i => sae.Dataset.Items[i].Title).ToList();
    }
}
