using System.Globalization;
using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;

namespace RecSaeExplorer.Web.Labs;

/// <summary>Audit-log entries for what a lab shows, with the lab's query string so the entry reopens as saved.</summary>
public static class LabExperiments
{
    public const string PromotePath = "lab/promote";
    public const string UsersPath = "lab/users";

    /// <summary>
    /// A promotion as the lab shows it: reach over all users and over the users the guardrail trusts, the flagged count,
    /// the minimum level (over the audience the lab keeps), the pushed-out items and the link that reopens it.
    /// </summary>
    public static Experiment Promotion(ExploredSae sae, LabState state, LabAudience audience, PromotionView view, string author, string note, string? link = null)
    {
        var item = sae.ItemById(state.Item ?? -1) ?? throw new InvalidOperationException("A promotion needs an item.");
        var (all, trusted) = (view.All, view.Trusted);
        return Base(sae, state, audience, ExperimentKind.Promote, author, note) with
        {
            ItemId = item.Id,
            ItemTitle = item.Title,
            Reached = all.Reached,
            Eligible = all.Eligible,
            GuardrailFlagged = view.FlaggedCount,
            GuardrailThreshold = view.Threshold,
            ReachedUnflagged = trusted.Reached,
            EligibleUnflagged = trusted.Eligible,
            MinimumLevel = view.MinimumLevel,
            PushedOut = [.. view.Shown.Collateral.Select(c => sae.Dataset.Items[c.Item].Id)],
            DoseCurve = [.. view.Curve().Select(p => new DosePoint(p.Level, p.All.Reached, p.Trusted.Reached))],
            Link = link,
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"reached {all.Reached} of {all.Eligible} eligible ({all.Share * 100:0}%) of {audience.Count} users; unflagged {trusted.Reached} of {trusted.Eligible} ({trusted.Share * 100:0}%), {view.FlaggedCount} flagged{(view.ExcludeFlagged ? " and excluded" : "")}; {all.ReachedResearch} by the research count"),
        };
    }

    /// <summary>A suppression or nudge as the lab shows it: <paramref name="shift"/> and <paramref name="curve"/> are over the users kept (all, or the unflagged).</summary>
    public static Experiment Shift(ExploredSae sae, LabState state, LabAudience audience, AudienceShift shift, ShiftSweep curve, string concept, string author,
        string note) =>
        Base(sae, state, audience, state.Mode == EditMode.Cap ? ExperimentKind.Suppress : ExperimentKind.Nudge, author, note) with
        {
            ShareBefore = shift.ShareBefore,
            ShareAfter = shift.ShareAfter,
            DoseCurve = [.. curve.Shifts.Select(s => new DosePoint(s.Level, s.ShareAfter))],
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"{concept} share of top-30 {shift.ShareBefore * 100:0.0}% → {shift.ShareAfter * 100:0.0}% ({shift.RelativeChange * 100:+0;-0;0}%) over {shift.Users.Count} users{(state.ExcludeFlagged ? " (flagged excluded)" : "")}"),
        };

    /// <summary>Where an experiment reopens: its lab with its saved state.</summary>
    public static string ReopenUri(Experiment experiment) =>
        $"{(experiment.Kind == ExperimentKind.Promote ? PromotePath : UsersPath)}?{experiment.State}";

    private static Experiment Base(ExploredSae sae, LabState state, LabAudience audience, ExperimentKind kind, string author, string note)
    {
        if (string.IsNullOrWhiteSpace(author)) throw new ArgumentException("Say who saves the experiment.", nameof(author));
        int neuron = state.Neuron ?? throw new InvalidOperationException("An experiment needs a neuron.");
        return new Experiment
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            RunId = sae.Run.Id,
            DatasetName = sae.Dataset.Name,
            Kind = kind,
            Neuron = neuron,
            NeuronLabel = sae.LabelOf(neuron),
            Level = state.Level,
            Mode = LabState.ModeName(state.Mode),
            Audience = audience.Spec,
            AudienceDescription = audience.Audience.Description,
            AudienceSize = audience.Count,
            Summary = "",
            Author = author.Trim(),
            Note = note.Trim(),
            CreatedUtc = DateTime.UtcNow,
            State = state.ToQuery(),
        };
    }
}
