using RecSaeExplorer.Web.Concepts;

namespace RecSaeExplorer.Web.Tests.Support;

internal static class ConceptCatalogExtensions
{
    /// <summary>Opens a run for a test and holds it until the catalog is disposed (the lease is never given back).</summary>
    public static async Task<ExploredSae> OpenAsync(this ConceptCatalog concepts, string idOrPrefix, CancellationToken ct = default) =>
        (await concepts.LeaseAsync(idOrPrefix, ct)).Value;
}
