using Microsoft.Extensions.Logging.Abstractions;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Tests.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>
/// The explorer started on a store holding the tiny trained runs, and a promotion of that run (found through the
/// engine before the server starts) whose reach grows between two levels, with a user it reaches only at the higher one.
/// </summary>
public sealed class LabServer : ExplorerServer
{
    internal LabCase Case { get; private set; } = null!;

    /// <summary>Dataset id of a user reached at <see cref="LabCase.High"/> but not at <see cref="LabCase.Low"/>.</summary>
    public int UserId { get; private set; }

    /// <summary>A second SAE on the same recommender (another seed, so other weights): "another run" for spec imports.</summary>
    public string OtherSaeId { get; private set; } = "";

    protected override async Task PrepareAsync(string stateFolder)
    {
        // The catalog must be closed before the server opens the same store file.
        using var catalog = EngineServices.Catalog(stateFolder);
        var (recommender, sae) = await TinyRunsFixture.TrainAsync(catalog);
        OtherSaeId = await new EngineTrainingRunner(EngineServices.ShippedDatasets(), catalog).RunAsync(
            new SaeTrainingRequest(DatasetCatalog.DefaultName, recommender.Id, SaePresets.Paper, 2, Seed: 7) { Steps = 20 },
            new Progress<JobProgress>(), CancellationToken.None);
        using var concepts = new ConceptCatalog(catalog, NullLogger<ConceptCatalog>.Instance);
        Case = await LabCase.FindAsync(await concepts.OpenAsync(sae.Id));
        int position = Enumerable.Range(0, Case.HighStep.Users.Count).First(p => Case.HighStep.Users[p].Reached && !Case.LowStep.Users[p].Reached);
        UserId = Case.Sae.Dataset.Users[Case.HighStep.Users[position].User].Id;
    }
}
