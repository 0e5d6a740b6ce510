using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Components.Labs;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Governance;
using MudBlazor;
using RecSaeExplorer.Web.Concepts;
using Microsoft.AspNetCore.Components;

namespace RecSaeExplorer.Web.Components.Pages;

public partial class PromotionLab
{
    private static readonly IReadOnlyList<EditMode> PromotionModes = [EditMode.Set, EditMode.Add];
    private PromotionView? _view;
    private DoseResponse? _sweep;
    private object? _sweepKey;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private GovernedActions Governed { get; set; } = null!;

    protected override string Path => LabExperiments.PromotePath;
    protected override IReadOnlyList<EditMode> Modes => PromotionModes;

    protected override async Task<LabState> ComputeAsync(LabState? previous, LabState next)
    {
        if (Sae!.ItemById(next.Item ?? -1) is not { } item || next.Neuron is not { } neuron || Grid is null)
        {
            _view = null;
            return next;
        }
        var edit = new LatentEdit([neuron], next.Level, next.Mode);
        var key = (next.Run, item.Index, neuron, next.Mode, Audience!.Spec);
        if (!key.Equals(_sweepKey))
        {
            _sweep = await Heavy.RunAsync(() => Labs.SweepAsync(Sae, Audience, item.Index, edit, Grid.Levels, ct: Lifetime));
            _sweepKey = key;
        }
        // Grid levels were all computed by the sweep; an off-grid level (never, after snapping) is computed afresh.
        var step = _sweep!.Steps.FirstOrDefault(s => s.Level == next.Level) ?? await Heavy.RunAsync(() => Labs.PromoteAsync(Sae, Audience, item.Index, edit, Lifetime));
        _view = PromotionView.Of(Sae, Audience, item, _sweep, step, next.User, Labs.GuardrailThreshold, next.ExcludeFlagged);
        return next with { User = _view.Chosen?.Id };
    }

    // The audience picker's facet defaults to the neuron's own concept rather than the alphabetically first facet.
    private string? NeuronFacet(ExploredSae sae) =>
        State.Neuron is { } k && k >= 0 && k < sae.Width && sae.Profiles[k].Label is { Kind: RecSaeExplorer.Core.Concepts.ConceptKind.Facet } label ? label.Name : null;

    // The author is the signed-in identity (GovernedActions sets it); a refused save leaves the lab as it was.
    private async Task Save(string note)
    {
        if (_view is null || Applied is null) return;
        try
        {
            string author = (await Governed.ActorAsync()).Name;
            var experiment = LabExperiments.Promotion(Sae!, Applied, Audience!, _view, author, note, Link(Applied.ToQuery()));
            var saved = await Governed.SaveExperimentAsync(experiment, _view.FlaggedCount, experiment.PushedOut ?? []);
            Snackbar.Add($"Saved experiment {saved.Id}: {saved.Summary}", Severity.Success);
        }
        catch (ForbiddenActionException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
    }
}
