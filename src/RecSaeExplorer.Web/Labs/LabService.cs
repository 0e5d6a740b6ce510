using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Engine.Recommenders.Ranking;

namespace RecSaeExplorer.Web.Labs;

/// <summary>
/// The labs' engine: audiences with cached baselines (built once per run and audience spec, shared by
/// every circuit), and promotion steps, level sweeps and user-code edits run through the run's
/// serialized LibTorch gate. A promotion step re-scores one item for the audience and inserts it into
/// the cached lists, so a slider move costs milliseconds even for all 6,040 ML-1M users.
/// </summary>
public sealed class LabService(IOptions<ExplorerOptions> options, ILogger<LabService> logger)
{
    private readonly ConcurrentDictionary<(ExploredSae Run, string Spec), Lazy<Task<LabAudience>>> _audiences = new();
    private readonly ConcurrentQueue<(ExploredSae Run, string Spec)> _order = new();

    /// <summary>Users whose reconstruction RBO is below this are flagged as untrustworthy.</summary>
    public double GuardrailThreshold => options.Value.GuardrailRbo;

    /// <summary>The audience <paramref name="spec"/> (see <see cref="Audience.Parse"/>) of a run, built once and cached.</summary>
    public async Task<LabAudience> AudienceAsync(ExploredSae sae, string spec, CancellationToken ct = default)
    {
        spec = spec.Trim();
        var audience = Audience.Parse(spec, sae.Dataset, sae.Split); // bad specs fail here, before anything is cached
        // Keyed by the opened run itself: a run evicted and opened again gets new audiences on its new tensors.
        var key = (sae, spec.ToLowerInvariant());
        var build = _audiences.GetOrAdd(key, _ => new Lazy<Task<LabAudience>>(() => BuildAsync(sae, spec, audience)));
        if (!build.IsValueCreated || !build.Value.IsCompleted) _order.Enqueue(key);
        try
        {
            var built = await build.Value.WaitAsync(ct);
            Trim();
            return built;
        }
        catch (Exception) when (build.Value.IsFaulted || build.Value.IsCanceled)
        {
            _audiences.TryRemove(new KeyValuePair<(ExploredSae, string), Lazy<Task<LabAudience>>>(key, build));
            throw;
        }
    }

    /// <summary>Edits the item's code, decodes it and re-scores it for the audience.</summary>
    public Task<PromotionStep> PromoteAsync(ExploredSae sae, LabAudience audience, int item, LatentEdit edit, CancellationToken ct = default) =>
        sae.RunAsync(() => Promotion.Step(audience.Context, item, edit), ct);

    /// <summary>The promotion at every level of <paramref name="levels"/>, and the smallest level reaching <paramref name="targetShare"/>.</summary>
    public Task<DoseResponse> SweepAsync(ExploredSae sae, LabAudience audience, int item, LatentEdit edit, IReadOnlyList<double> levels,
        double targetShare = 0.5, CancellationToken ct = default) =>
        sae.RunAsync(() => Promotion.Sweep(audience.Context, item, edit, levels, targetShare), ct);

    /// <summary>A user's top list after a promotion step (an insertion into the cached list; no LibTorch).</summary>
    public static TopList ListAfter(LabAudience audience, int position, int item, PromotionStep step) =>
        Promotion.NewList(audience.Context, position, item, step.Scores[position]);

    /// <summary>Edits every audience user's code (suppress: z_k ≤ level; nudge: z_k set or raised) and re-ranks all items.</summary>
    public Task<AudienceShift> ShiftAsync(ExploredSae sae, LabAudience audience, LatentEdit edit, Func<int, bool> concept, CancellationToken ct = default) =>
        sae.RunAsync(() => UserIntervention.Apply(audience.Context, edit, concept, ct), ct);

    /// <summary>The same edit at every level of <paramref name="levels"/>, in one turn of the run's gate.</summary>
    public Task<ShiftSweep> SweepShiftAsync(ExploredSae sae, LabAudience audience, LatentEdit edit, IReadOnlyList<double> levels,
        Func<int, bool> concept, CancellationToken ct = default) =>
        sae.RunAsync(() => UserIntervention.Sweep(audience.Context, edit, levels, concept, ct: ct), ct);

    private async Task<LabAudience> BuildAsync(ExploredSae sae, string spec, Audience audience)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var built = await sae.RunAsync(() =>
        {
            var context = new InterventionContext(sae.Recommender.Recommender.Model, sae.Sae.Sae, sae.Split.Train, audience.Users);
            return new LabAudience(spec, audience, context, context.ReconstructionAgreement());
        });
        logger.LogInformation("Lab audience {Spec} of {Run}: {Users} users cached in {Elapsed} ms", spec, sae.Run.Id, built.Count, clock.ElapsedMilliseconds);
        return built;
    }

    // Audiences are small (a few hundred KB even for all users), but a long demo day creates many: keep the newest.
    private void Trim()
    {
        foreach (var key in _audiences.Keys.Where(k => k.Run.IsDisposed)) _audiences.TryRemove(key, out _);
        while (_audiences.Count > options.Value.CachedAudiences && _order.TryDequeue(out var oldest)) _audiences.TryRemove(oldest, out _);
    }
}
