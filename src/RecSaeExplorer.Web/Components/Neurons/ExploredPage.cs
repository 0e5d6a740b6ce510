using Microsoft.AspNetCore.Components;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Caching;
using RecSaeExplorer.Web.Concepts;

namespace RecSaeExplorer.Web.Components.Neurons;

/// <summary>
/// A page about one SAE run: opens it through the shared <see cref="ConceptCatalog"/> (the first open of a
/// run takes a second or so), reports a missing run, and redraws when someone renames a neuron.
/// </summary>
public abstract class ExploredPage : ComponentBase, IDisposable
{
    [Inject] protected ConceptCatalog Concepts { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    private Lease<ExploredSae>? _lease;

    protected ExploredSae? Sae => _lease?.Value;
    protected string? Error { get; private set; }

    /// <summary>The run id or prefix from the URL; null opens the newest SAE run.</summary>
    protected abstract string? RequestedRun { get; }

    protected override void OnInitialized() => Concepts.NameChanged += OnNameChanged;

    protected override async Task OnParametersSetAsync()
    {
        Error = null;
        string? run = RequestedRun ?? Concepts.SaeRuns().FirstOrDefault()?.Id;
        if (run is null)
        {
            Hold(null);
            Error = "There are no SAE runs yet: train one on the Runs page.";
            return;
        }
        try
        {
            if (Sae is null || !string.Equals(Sae.Run.Id, run, StringComparison.Ordinal)) Hold(await Concepts.LeaseAsync(run));
            Error = Check(Sae!);
            if (Error is null) OnOpened(Sae!);
        }
        catch (RunNotFoundException)
        {
            Hold(null);
            Error = $"There is no run '{run}' in the store.";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not an SAE run, or its dataset is missing: the message says which.
            Hold(null);
            Error = e.Message;
        }
    }

    /// <summary>A message when the URL's item, user or neuron does not exist in the opened run.</summary>
    protected virtual string? Check(ExploredSae sae) => null;

    /// <summary>Computes the page's data once the run is open and the URL checked.</summary>
    protected abstract void OnOpened(ExploredSae sae);

    /// <summary>A renamed neuron of this run: by default the page recomputes and redraws.</summary>
    protected virtual void Renamed(int neuron)
    {
        if (Sae is not null && Error is null) OnOpened(Sae);
    }

    private void OnNameChanged(string runId, int neuron)
    {
        if (Sae is null || !string.Equals(Sae.Run.Id, runId, StringComparison.Ordinal)) return;
        _ = InvokeAsync(() =>
        {
            Renamed(neuron);
            StateHasChanged();
        });
    }

    // The page holds the run it shows, so the catalog cannot evict it under the page.
    private void Hold(Lease<ExploredSae>? lease)
    {
        _lease?.Dispose();
        _lease = lease;
    }

    public virtual void Dispose()
    {
        Concepts.NameChanged -= OnNameChanged;
        Hold(null);
        GC.SuppressFinalize(this);
    }
}
