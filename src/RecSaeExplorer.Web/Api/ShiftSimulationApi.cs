using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Api;

/// <summary>
/// A suppression (mode cap: z_k ≤ level) or nudge (set, add) of <see cref="Neuron"/> on the audience's user codes;
/// <see cref="Concept"/> is the facet whose share of their top-30 is measured (default: the neuron's label when
/// it is a facet, else the first facet, as the lab does). Give <see cref="Level"/>, <see cref="Levels"/> or both.
/// </summary>
public sealed record ShiftRequest(int Neuron, double? Level = null, IReadOnlyList<double>? Levels = null, string Mode = "cap",
    string Audience = "test", string? Concept = null, int UsersLimit = 100);

public sealed record ShiftLevel(double Level, double ShareBefore, double ShareAfter, double RelativeChange);
public sealed record ShiftedUser(int UserId, double ShareBefore, double ShareAfter, double Rbo, bool Flagged);

/// <summary>The suppress &amp; nudge lab's numbers: the concept's share per level, the shallowest level cutting it by 80%, and per-user shares at the chosen level.</summary>
public sealed record ShiftResult(string RunId, int Neuron, string NeuronLabel, string Mode, string Audience, string AudienceDescription, string Concept,
    IReadOnlyList<ShiftLevel> Levels, double? ShallowestLevel, ShiftLevel AtLevel, Guardrail Guardrail, int UsersTotal,
    IReadOnlyList<ShiftedUser> Users, IReadOnlyList<CollateralItem> Removed, IReadOnlyList<CollateralItem> Added);

/// <summary><c>POST /api/v1/runs/{runId}/simulations/shift</c>: the suppress &amp; nudge lab through <see cref="LabService"/>.</summary>
internal static class ShiftSimulationApi
{
    private const int CollateralShown = 20;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/shift", async (ConceptCatalog concepts, RunCatalog runs, LabService labs, string runId, ShiftRequest request, CancellationToken ct) =>
        {
            using var lease = await ApiSae.LeaseAsync(concepts, runs, runId, ct);
            var sae = lease.Value;
            int neuron = ApiSae.Neuron(sae, request.Neuron, "neuron");
            var mode = Bounds.OneOf("mode", request.Mode, EditMode.Cap, ("cap", EditMode.Cap), ("set", EditMode.Set), ("add", EditMode.Add));
            int usersLimit = Bounds.Check("usersLimit", request.UsersLimit, 100, 0, 100_000);
            if (request.Level is null && (request.Levels is null || request.Levels.Count == 0))
                throw new ApiBadRequest("level", "Give 'level', 'levels' (a grid) or both.");
            if (request.Levels is { Count: > SimulationApi.MaxLevels }) throw new ApiBadRequest("levels", $"'levels' holds at most {SimulationApi.MaxLevels} values.");
            var grid = (request.Levels ?? []).Select(l => Bounds.Check("levels", l, -1000, 1000)).ToList();
            double level = request.Level is { } l0 ? Bounds.Check("level", l0, -1000, 1000) : grid[^1];
            Bounds.Text("audience", request.Audience, 200);
            int facet = Facet(sae, neuron, Bounds.Text("concept", request.Concept, 200));

            var audience = await labs.AudienceAsync(sae, request.Audience, ct);
            var inFacet = Engine.Interventions.Audience.InFacet(sae.Dataset, facet);
            var edit = new LatentEdit([neuron], level, mode);
            var sweep = grid.Count > 0 ? await labs.SweepShiftAsync(sae, audience, edit, grid, inFacet, ct) : null;
            var shift = sweep?.At(level) ?? await labs.ShiftAsync(sae, audience, edit, inFacet, ct);
            double threshold = labs.GuardrailThreshold;
            var rows = LabRows.Of(sae, audience, shift, threshold);
            return new ShiftResult(sae.Run.Id, neuron, sae.LabelOf(neuron), LabState.ModeName(mode), audience.Spec, audience.Audience.Description,
                sae.Dataset.FacetNames[facet], (sweep?.Shifts ?? [shift]).Select(Level).ToList(), sweep?.ShallowestLevel, Level(shift),
                new Guardrail(threshold, LabRows.Flagged(audience, threshold), audience.Count), rows.Count,
                rows.Take(usersLimit).Select(r => new ShiftedUser(r.User.Id, r.Outcome.ShareBefore, r.Outcome.ShareAfter, r.Rbo, r.Flagged)).ToList(),
                Collateral(sae, shift.Removed), Collateral(sae, shift.Added));
        }).WithName("SimulateShift")
          .WithSummary("Simulate suppressing (cap) or nudging (set, add) a neuron on an audience's user codes: the concept's share of their top-30 per level, per user, with the guardrail. Nothing is stored.")
          .Produces<ShiftResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static int Facet(ExploredSae sae, int neuron, string concept)
    {
        if (sae.Dataset.FacetNames.Count == 0) throw new ApiBadRequest("concept", $"{sae.Dataset.Name} has no facets to measure.");
        if (concept.Length == 0)
        {
            var label = sae.Profiles[neuron].Label;
            return label.Kind == ConceptKind.Facet ? Engine.Interventions.Audience.FacetIndex(sae.Dataset, label.Name) : 0;
        }
        try
        {
            return Engine.Interventions.Audience.FacetIndex(sae.Dataset, concept);
        }
        catch (ArgumentException e)
        {
            throw new ApiBadRequest("concept", e.Message);
        }
    }

    private static ShiftLevel Level(AudienceShift s) => new(s.Level, s.ShareBefore, s.ShareAfter, s.RelativeChange);

    private static IReadOnlyList<CollateralItem> Collateral(ExploredSae sae, IReadOnlyList<Collateral> items) =>
        items.Take(CollateralShown).Select(c => new CollateralItem(sae.Dataset.Items[c.Item].Id, sae.Dataset.Items[c.Item].Title, c.Users)).ToList();
}
