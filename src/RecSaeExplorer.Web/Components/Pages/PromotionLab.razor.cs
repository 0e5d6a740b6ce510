using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Components.Labs;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Governance;
using MudBlazor;
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
            _sweep = await Heavy.RunAsync(() => Labs.SweepAsync(Sae, Audience, item.Index, edit, Grid.Levels));
            _sweepKey = key;
        }
        // Grid levels were all computed by the sweep; an off-grid level (never, after snapping) is computed afresh.
        var step = _sweep!.Steps.FirstOrDefault(s => s.Level == next.Level) ?? await Heavy.RunAsync(() => Labs.PromoteAsync(Sae, Audience, item.Index, edit));
        _view = PromotionView.Of(Sae, Audience, item, _sweep, step, next.User, Labs.GuardrailThreshold);
        return next with { User = _view.Chosen?.Id };
    }

    // The author is the signed-in identity (GovernedActions sets it); a refused save leaves the lab as it was.
    private async Task Save(string note)
    {
        if (_view is null || Applied is null) return;
        try
        {
            string author = (await Governed.ActorAsync()).Name;
            var saved = await Governed.SaveExperimentAsync(LabExperiments.Promotion(Sae!, Applied, Audience!, _view.Step, author, note),
                LabRows.Flagged(Audience!, Labs.GuardrailThreshold), [.. _view.Step.Collateral.Select(c => Sae!.Dataset.Items[c.Item].Id)]);
            Snackbar.Add($"Saved experiment {saved.Id}: {saved.Summary}", Severity.Success);
        }
        catch (ForbiddenActionException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
    }
}
