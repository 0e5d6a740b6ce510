using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>
/// A temp store with a real tiny MF (dim 8) on ml-latest-small and a top-k SAE on it (128 neurons, a few
/// steps): enough neurons for the grid's search and filters to mean something. Trained once per collection.
/// </summary>
public sealed class NeuronRunsFixture : IAsyncLifetime
{
    private readonly string _folder = TestPaths.NewTempFolder();

    public RunCatalog Catalog { get; private set; } = null!;

    /// <summary>The catalog pages get in tests (registered as an instance, so a test context does not dispose it).</summary>
    public ConceptCatalog Concepts { get; private set; } = null!;
    public string SaeId { get; private set; } = "";

    /// <summary>The run as every test sees it; tests that rename a neuron put its name back.</summary>
    public ExploredSae Sae { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Catalog = EngineServices.Catalog(_folder);
        SaeId = await TrainAsync(Catalog);
        Concepts = NewConcepts();
        Sae = await Concepts.OpenAsync(SaeId);
    }

    /// <summary>Trains the tiny MF and its top-k SAE into <paramref name="catalog"/>'s store; returns the SAE's run id.</summary>
    public static async Task<string> TrainAsync(RunCatalog catalog)
    {
        var runner = new EngineTrainingRunner(EngineServices.ShippedDatasets(), catalog);
        var progress = new Progress<JobProgress>();
        string recommender = await runner.RunAsync(
            new RecommenderTrainingRequest(DatasetCatalog.DefaultName, RecommenderModel.Mf, "tuned") { EmbeddingDim = 8, Epochs = 2, BatchSize = 1 << 16 },
            progress, CancellationToken.None);
        return await runner.RunAsync(new SaeTrainingRequest(DatasetCatalog.DefaultName, recommender, SaePresets.TopK, null) { Steps = 20 },
            progress, CancellationToken.None);
    }

    /// <summary>A fresh catalog over the fixture's store: nothing cached, names read back from the store.</summary>
    public ConceptCatalog NewConcepts() => new(Catalog, NullLogger<ConceptCatalog>.Instance);

    /// <summary>A bunit context with the explorer's services, this store and the shared concept catalog, plus the providers dialogs and tooltips render into.</summary>
    /// <param name="setup">More services (e.g. a sign-in), added before the renderer info, which closes the service collection.</param>
    public BunitContext NewContext(Func<BunitContext, BunitContext>? setup = null)
    {
        var ctx = ExplorerTestContext.Create().WithEngine(Catalog);
        ctx.Services.AddSingleton(Concepts);
        ctx = setup?.Invoke(ctx) ?? ctx;
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    public Task DisposeAsync()
    {
        Concepts.Dispose();
        Catalog.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class NeuronRunsCollection : ICollectionFixture<NeuronRunsFixture>
{
    public const string Name = "neuron runs";
}
