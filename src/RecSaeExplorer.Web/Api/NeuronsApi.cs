using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Web.Components.Neurons;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Api;

public sealed record ScoredItem(int Id, string Title, double Value);
public sealed record ScoredUser(int Id, double Value);
public sealed record HistogramBin(double From, double To, int Count);

/// <summary>One neuron: its grid row, full profile, top items and users, decoder probe and item-activation histogram.</summary>
public sealed record NeuronDetail(NeuronRow Row, NeuronProfile Profile, IReadOnlyList<ScoredItem> TopItems, IReadOnlyList<ScoredUser> TopUsers,
    IReadOnlyList<ScoredItem> Probe, IReadOnlyList<HistogramBin> ItemActivationHistogram);

/// <summary><c>/api/v1/runs/{runId}/neurons</c>: the neurons grid (same rows, search, filters and sorts) and the neuron page.</summary>
internal static class NeuronsApi
{
    private const int HistogramBins = 20;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", async (HttpContext context, ConceptCatalog concepts, RunCatalog runs, string runId, string? search, string? status,
            string? side, string? sort, string? order, int? offset, int? limit, CancellationToken ct) =>
        {
            using var lease = await ApiSae.LeaseAsync(concepts, runs, runId, ct);
            var sae = lease.Value;
            Bounds.Text("search", search, 200);
            bool? dead = Bounds.OneOf<bool?>("status", status, null, ("all", null), ("alive", false), ("dead", true));
            string which = Bounds.OneOf("side", side, "any", ("any", "any"), ("items", "items"), ("users", "users"));
            Func<NeuronRow, double> key = Bounds.OneOf<Func<NeuronRow, double>>("sort", sort, r => r.Index,
                ("index", r => r.Index), ("confidence", r => r.Confidence), ("purity20", r => r.Purity20),
                ("popularity", r => r.MeanPopularityRank), ("itemFrequency", r => r.ItemFrequency),
                ("userFrequency", r => r.UserFrequency ?? -1), ("ms", r => r.Monosemanticity ?? double.NegativeInfinity));
            bool descending = Bounds.OneOf("order", order, false, ("asc", false), ("desc", true));
            var rows = NeuronRow.All(sae).Where(r => r.Matches(search) && (dead is null || r.IsDead == dead)
                && (which == "any" || (which == "items" ? r.ActiveOnItems : r.ActiveOnUsers)));
            rows = descending ? rows.OrderByDescending(key).ThenBy(r => r.Index) : rows.OrderBy(key).ThenBy(r => r.Index);
            return ETags.Json(context, Paging.Of(rows, offset, limit));
        }).WithName("ListNeurons")
          .WithSummary("Neurons of an SAE run as the grid shows them. search: label or facet text; status: all|alive|dead; side: any|items|users; sort: index|confidence|purity20|popularity|itemFrequency|userFrequency|ms; order: asc|desc.")
          .Produces<Page<NeuronRow>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{neuron:int}", async (HttpContext context, ConceptCatalog concepts, RunCatalog runs, string runId, int neuron, int? top, CancellationToken ct) =>
        {
            using var lease = await ApiSae.LeaseAsync(concepts, runs, runId, ct);
            var sae = lease.Value;
            int k = ApiSae.Neuron(sae, neuron);
            int n = Bounds.Check("top", top, 20, 1, 200);
            var view = NeuronView.Of(sae, k);
            var probe = await sae.ProbeAsync(k, ct: ct);
            var users = sae.UserCodes.Column(k);
            var detail = new NeuronDetail(NeuronRow.Of(sae, k, NeuronRow.MonosemanticityOf(sae)), view.Profile,
                view.TopItems.Take(n).Select(t => new ScoredItem(t.Entity.Id, t.Entity.Title, t.Value)).ToList(),
                NeuronAnalyzer.TopActive(users, n).Select(u => new ScoredUser(sae.Dataset.Users[u].Id, users[u])).ToList(),
                probe.Take(n).Select(p => new ScoredItem(sae.Dataset.Items[p.Item].Id, sae.Dataset.Items[p.Item].Title, p.Cosine)).ToList(),
                Histogram(sae.ItemCodes.Column(k)));
            return ETags.Json(context, detail);
        }).WithName("GetNeuron").WithSummary("One neuron: profile, top items and users (top: 1..200, default 20), decoder probe, activation histogram of the items it fires on.")
          .Produces<NeuronDetail>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Equal-width bins over (0, max] of the items the neuron fires on (z &gt; 0); empty for a dead neuron.</summary>
    private static IReadOnlyList<HistogramBin> Histogram(double[] values)
    {
        var active = values.Where(v => v > 0).ToArray();
        if (active.Length == 0) return [];
        double width = active.Max() / HistogramBins;
        var counts = new int[HistogramBins];
        foreach (double v in active) counts[Math.Min(HistogramBins - 1, (int)(v / width))]++;
        return counts.Select((c, b) => new HistogramBin(b * width, (b + 1) * width, c)).ToList();
    }
}
