using Microsoft.AspNetCore.Components;
using MudBlazor;
using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Governance;

namespace RecSaeExplorer.Web.Components.Pages;

public partial class UsersLab
{
    private static readonly IReadOnlyList<EditMode> UserModes = [EditMode.Cap, EditMode.Set, EditMode.Add];
    private ShiftView? _view;
    private ShiftSweep? _curve;
    private object? _curveKey;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private GovernedActions Governed { get; set; } = null!;

    protected override string Path => LabExperiments.UsersPath;
    protected override IReadOnlyList<EditMode> Modes => UserModes;

    /// <summary>The measured concept defaults to the neuron's label when that is a facet.</summary>
    private string? NeuronFacet(ExploredSae sae) =>
        State.Neuron is { } k && k >= 0 && k < sae.Width && sae.Profiles[k].Label is { Kind: ConceptKind.Facet } label ? label.Name : null;

    protected override LabState WithDefaults(LabState state)
    {
        if (state.Concept is not null || Sae is null || state.Neuron is not { } k || k < 0 || k >= Sae.Width) return state;
        var label = Sae.Profiles[k].Label;
        return state with { Concept = label.Kind == ConceptKind.Facet ? label.Name : Sae.Dataset.FacetNames[0] };
    }

    protected override async Task<LabState> ComputeAsync(LabState? previous, LabState next)
    {
        if (next.Neuron is not { } neuron || Grid is null || next.Concept is null)
        {
            _view = null;
            return next;
        }
        int facet = RecSaeExplorer.Engine.Interventions.Audience.FacetIndex(Sae!.Dataset, next.Concept);
        var inFacet = RecSaeExplorer.Engine.Interventions.Audience.InFacet(Sae.Dataset, facet);
        var edit = new LatentEdit([neuron], next.Level, next.Mode);
        var key = (next.Run, neuron, next.Mode, Audience!.Spec, facet);
        if (!key.Equals(_curveKey))
        {
            _curve = await Heavy.RunAsync(() => Labs.SweepShiftAsync(Sae, Audience, edit, ShiftView.CurveLevels(Grid.Levels, Audience.Count, next.Level), inFacet, Lifetime));
            _curveKey = key;
        }
        var shift = _curve!.At(next.Level) ?? await Heavy.RunAsync(() => Labs.ShiftAsync(Sae, Audience, edit, inFacet, Lifetime));
        _view = ShiftView.Of(Sae, Audience, facet, _curve, shift, next.User, Labs.GuardrailThreshold, next.ExcludeFlagged);
        return next with { User = _view.Chosen?.Id };
    }

    // The author is the signed-in identity (GovernedActions sets it); a refused save leaves the lab as it was.
    private async Task Save(string note)
    {
        if (_view is null || Applied is null) return;
        try
        {
            string author = (await Governed.ActorAsync()).Name;
            int flagged = LabRows.Flagged(Audience!, Labs.GuardrailThreshold);
            var experiment = LabExperiments.Shift(Sae!, Applied, Audience!, _view.Shift, _view.Curve, _view.Concept, author, note) with
            {
                GuardrailFlagged = flagged, GuardrailThreshold = Labs.GuardrailThreshold, Link = Link(Applied.ToQuery()),
            };
            var saved = await Governed.SaveExperimentAsync(experiment, flagged, [.. _view.Shift.Removed.Select(c => Sae!.Dataset.Items[c.Item].Id)]);
            Snackbar.Add($"Saved experiment {saved.Id}: {saved.Summary}", Severity.Success);
        }
        catch (ForbiddenActionException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
    }
}
