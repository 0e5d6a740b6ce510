using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Api;

/// <summary>
/// A promotion to simulate: set (or add to) <see cref="Neuron"/> on <see cref="ItemId"/>'s code, decode, re-score
/// it for <see cref="Audience"/> (test, all, facet:&lt;name&gt;[:n], gender:F|M, age:&lt;band&gt;, user:&lt;id&gt;).
/// Give <see cref="Level"/>, <see cref="Levels"/> (a dose-response grid) or both; the per-user detail is for
/// <see cref="Level"/>, else the grid's last level.
/// </summary>
public sealed record PromotionRequest(int ItemId, int Neuron, double? Level = null, IReadOnlyList<double>? Levels = null, string Mode = "set",
    string Audience = "test", double TargetShare = 0.5, int UsersLimit = 100);

public sealed record LevelReach(double Level, int Eligible, int Reached, double ReachShare, int ReachedResearch);
public sealed record SimulatedUser(int UserId, int? BaselineRank, int? NewRank, bool Excluded, bool Reached, bool ReachedResearch,
    int? PushedOutItemId, double Rbo, bool Flagged);
public sealed record CollateralItem(int ItemId, string Title, int Users);
public sealed record Guardrail(double Threshold, int Flagged, int AudienceSize);

/// <summary>What the promotion lab shows: reach per level, the minimum level for the target share, and at the chosen level the per-user ranks with the guardrail and the items pushed out.</summary>
public sealed record PromotionResult(string RunId, int ItemId, string ItemTitle, int Neuron, string NeuronLabel, string Mode, string Audience,
    string AudienceDescription, IReadOnlyList<LevelReach> Levels, double TargetShare, double? MinimumLevel, LevelReach AtLevel,
    Guardrail Guardrail, int UsersTotal, IReadOnlyList<SimulatedUser> Users, IReadOnlyList<CollateralItem> PushedOut);

/// <summary><c>POST /api/v1/runs/{runId}/simulations/promotion</c>: the promotion lab through <see cref="LabService"/> (same cached audiences and steps).</summary>
internal static class SimulationApi
{
    public const int MaxLevels = 200;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/promotion", async (ConceptCatalog concepts, RunCatalog runs, LabService labs, string runId, PromotionRequest request, CancellationToken ct) =>
        {
            using var lease = await ApiSae.LeaseAsync(concepts, runs, runId, ct);
            var sae = lease.Value;
            int neuron = ApiSae.Neuron(sae, request.Neuron, "neuron");
            var item = sae.ItemById(request.ItemId) ?? throw new ApiBadRequest("itemId", $"No item {request.ItemId} in {sae.Dataset.Name}.");
            var mode = Bounds.OneOf("mode", request.Mode, EditMode.Set, ("set", EditMode.Set), ("add", EditMode.Add));
            double target = Bounds.Check("targetShare", request.TargetShare, 0, 1);
            int usersLimit = Bounds.Check("usersLimit", request.UsersLimit, 100, 0, 100_000);
            if (request.Level is null && (request.Levels is null || request.Levels.Count == 0))
                throw new ApiBadRequest("level", "Give 'level', 'levels' (a grid) or both.");
            if (request.Levels is { Count: > MaxLevels }) throw new ApiBadRequest("levels", $"'levels' holds at most {MaxLevels} values.");
            var grid = (request.Levels ?? []).Select(l => Bounds.Check("levels", l, -1000, 1000)).ToList();
            double level = request.Level is { } l0 ? Bounds.Check("level", l0, -1000, 1000) : grid[^1];
            Bounds.Text("audience", request.Audience, 200);

            var audience = await labs.AudienceAsync(sae, request.Audience, ct);
            var edit = new LatentEdit([neuron], level, mode);
            var sweep = grid.Count > 0 ? await labs.SweepAsync(sae, audience, item.Index, edit, grid, target, ct) : null;
            var step = await labs.PromoteAsync(sae, audience, item.Index, edit, ct);
            double threshold = labs.GuardrailThreshold;
            var rows = LabRows.Of(sae, audience, step, threshold);
            int? Id(int? index) => index is { } i ? sae.Dataset.Items[i].Id : null;
            return new PromotionResult(sae.Run.Id, item.Id, item.Title, neuron, sae.LabelOf(neuron), LabState.ModeName(mode), audience.Spec,
                audience.Audience.Description, (sweep?.Steps ?? [step]).Select(Reach).ToList(), target, sweep?.MinimumLevel, Reach(step),
                new Guardrail(threshold, LabRows.Flagged(audience, threshold), audience.Count), rows.Count,
                rows.Take(usersLimit).Select(r => new SimulatedUser(r.User.Id, r.Outcome.BaselineRank, r.Outcome.NewRank, r.Outcome.Excluded,
                    r.Outcome.Reached, r.Outcome.ReachedResearch, Id(r.Outcome.PushedOut), r.Rbo, r.Flagged)).ToList(),
                step.Collateral.Select(c => new CollateralItem(sae.Dataset.Items[c.Item].Id, sae.Dataset.Items[c.Item].Title, c.Users)).ToList());
        }).WithName("SimulatePromotion")
          .WithSummary("Simulate promoting an item through a neuron for an audience: reach per level, per-user ranks, guardrail, items pushed out. Nothing is stored.")
          .Produces<PromotionResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static LevelReach Reach(PromotionStep s) => new(s.Level, s.Eligible, s.Reached, s.ReachShare, s.ReachedResearch);
}
