using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Engine.Recommenders.Ranking;

namespace RecSaeExplorer.Web.Api;

public sealed record NeuronValue(int Neuron, string Label, double Value);
public sealed record RankedItem(int Rank, int Id, string Title, double Score);

/// <summary>An item's latent code (every neuron, and the strongest labelled) and its nearest items by embedding cosine.</summary>
public sealed record ItemCode(int Id, string Title, IReadOnlyList<string> Facets, float[] Code, IReadOnlyList<NeuronValue> TopNeurons, IReadOnlyList<ScoredItem> Nearest);

/// <summary>A user's latent code, the strongest neurons, and their current top list (training positives excluded).</summary>
public sealed record UserCode(int Id, float[] Code, IReadOnlyList<NeuronValue> TopNeurons, IReadOnlyList<RankedItem> TopList);

/// <summary><c>/api/v1/runs/{runId}/items/{id}</c> and <c>/users/{id}</c>: the item and user pages' data (ids as in the dataset's files).</summary>
internal static class EntitiesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/items/{itemId:int}", async (HttpContext context, ConceptCatalog concepts, RunCatalog runs, string runId, int itemId, int? top, CancellationToken ct) =>
        {
            using var lease = await ApiSae.LeaseAsync(concepts, runs, runId, ct);
            var sae = lease.Value;
            int n = Bounds.Check("top", top, 10, 1, 100);
            var item = sae.ItemById(itemId) ?? throw new ApiNotFound($"No item {itemId} in {sae.Dataset.Name}.");
            float[] code = sae.ItemCodes.Row(item.Index);
            var nearest = sae.ItemVectors.Nearest(item.Index, n)
                .Select(x => new ScoredItem(sae.Dataset.Items[x.Index].Id, sae.Dataset.Items[x.Index].Title, x.Cosine)).ToList();
            return ETags.Json(context, new ItemCode(item.Id, item.Title, item.Facets.Select(f => sae.Dataset.FacetNames[f]).ToList(), code,
                Strongest(sae, code, n), nearest));
        }).WithName("GetItemCode").WithSummary("An item's code, its strongest neurons and nearest items (top: 1..100, default 10).")
          .Produces<ItemCode>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/users/{userId:int}", async (HttpContext context, ConceptCatalog concepts, RunCatalog runs, string runId, int userId, int? top, int? depth, CancellationToken ct) =>
        {
            using var lease = await ApiSae.LeaseAsync(concepts, runs, runId, ct);
            var sae = lease.Value;
            int n = Bounds.Check("top", top, 10, 1, 100);
            int d = Bounds.Check("depth", depth, 30, 1, 100);
            var user = sae.UserById(userId) ?? throw new ApiNotFound($"No user {userId} in {sae.Dataset.Name}.");
            float[] code = sae.UserCodes.Row(user.Index);
            var list = await sae.TopListAsync(user.Index, d, ct);
            var ranked = list.Items.Select((i, r) => new RankedItem(r + 1, sae.Dataset.Items[i].Id, sae.Dataset.Items[i].Title, list.Scores[r])).ToList();
            return ETags.Json(context, new UserCode(user.Id, code, Strongest(sae, code, n), ranked));
        }).WithName("GetUserCode").WithSummary("A user's code, strongest neurons and top list (depth: 1..100, default 30).")
          .Produces<UserCode>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IReadOnlyList<NeuronValue> Strongest(ExploredSae sae, float[] code, int n) =>
        sae.TopNeurons(code, n).Select(t => new NeuronValue(t.Neuron, sae.LabelOf(t.Neuron), t.Value)).ToList();
}
