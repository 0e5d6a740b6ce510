using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Caching;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Concepts;

namespace RecSaeExplorer.Web.Api;

/// <summary>Opens the SAE run a request names through the pages' <see cref="ConceptCatalog"/>, with API errors.</summary>
internal static class ApiSae
{
    /// <summary>The request holds the run until it has answered (dispose the lease).</summary>
    public static async Task<Lease<ExploredSae>> LeaseAsync(ConceptCatalog concepts, RunCatalog runs, string runId, CancellationToken ct)
    {
        Bounds.Text("runId", runId, 200);
        var run = runs.Find(runId) ?? throw new ApiNotFound($"No run '{runId}'.");
        if (run.Kind != RunStore.SaeKind) throw new ApiNotFound($"Run '{run.Id}' is a {run.Kind} run; neurons, codes and simulations belong to SAE runs.");
        return await concepts.LeaseAsync(run.Id, ct);
    }

    public static int Neuron(ExploredSae sae, int neuron, string name = "neuron") => Bounds.Check(name, neuron, 0, 0, sae.Width - 1);
}
