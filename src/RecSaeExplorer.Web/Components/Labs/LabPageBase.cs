using Microsoft.AspNetCore.Components;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Validation;
using RecSaeExplorer.Web.Caching;
using RecSaeExplorer.Web.Components.Sharing;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Components.Labs;

/// <summary>
/// What both labs share: their state comes from the URL and goes back into it (replace, no history), the
/// SAE run and audience are opened for it, and every change goes through one <see cref="LatestOnly{T}"/>,
/// so a burst of slider moves computes the level being computed and then only the newest one.
/// <see cref="State"/> is what the controls show at once; <see cref="Applied"/> is what the results show.
/// </summary>
public abstract class LabPageBase : ComponentBase, IDisposable
{
    private const int RememberedUrls = 256;
    private static readonly TimeSpan BusyAfter = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan UrlAfter = TimeSpan.FromMilliseconds(400);
    private int _urlVersion;
    private bool _disposed;
    private readonly Queue<string> _pushedOrder = new();
    private readonly HashSet<string> _pushed = new(StringComparer.Ordinal);
    private readonly LatestOnly<LabState> _updates;
    private bool _unchanged;
    private bool _started;

    protected LabPageBase() => _updates = new LatestOnly<LabState>(ApplyAsync);

    [Inject] protected ConceptCatalog Concepts { get; set; } = null!;
    [Inject] protected LabService Labs { get; set; } = null!;
    [Inject] protected HeavyLabWork Heavy { get; set; } = null!;
    [Inject] protected RunCatalog Runs { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] private IAddressBar AddressBar { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "run")] public string? RunQuery { get; set; }
    [SupplyParameterFromQuery(Name = "item")] public string? ItemQuery { get; set; }
    [SupplyParameterFromQuery(Name = "neuron")] public string? NeuronQuery { get; set; }
    [SupplyParameterFromQuery(Name = "level")] public string? LevelQuery { get; set; }
    [SupplyParameterFromQuery(Name = "mode")] public string? ModeQuery { get; set; }
    [SupplyParameterFromQuery(Name = "audience")] public string? AudienceQuery { get; set; }
    [SupplyParameterFromQuery(Name = "user")] public string? UserQuery { get; set; }
    [SupplyParameterFromQuery(Name = "concept")] public string? ConceptQuery { get; set; }
    [SupplyParameterFromQuery(Name = "flagged")] public string? FlaggedQuery { get; set; }
    [SupplyParameterFromQuery(Name = LabState.PlayKey)] public string? PlayQuery { get; set; }

    protected LabState State { get; private set; } = new();
    protected LabState? Applied { get; private set; }
    private readonly CancellationTokenSource _lifetime = new();
    private Lease<ExploredSae>? _lease;
    private int _inFlight;

    protected ExploredSae? Sae => _lease?.Value;

    /// <summary>Cancelled when the page goes away (tab closed, navigation): pass it to long lab work.</summary>
    protected CancellationToken Lifetime => _lifetime.Token;
    protected LabAudience? Audience { get; private set; }
    protected LevelGrid? Grid { get; private set; }
    protected string? Error { get; private set; }
    protected bool Busy { get; private set; }

    /// <summary>Whether the guided demo is moving the slider (<see cref="PlayAsync"/>).</summary>
    protected bool Playing => _play is not null;
    private CancellationTokenSource? _play;

    /// <summary>The lab's route, without a leading slash (e.g. "lab/promote").</summary>
    protected abstract string Path { get; }

    /// <summary>The edit modes the lab offers; the first is the default.</summary>
    protected abstract IReadOnlyList<EditMode> Modes { get; }

    /// <summary>Fills lab-specific defaults once the run is open (e.g. the measured concept).</summary>
    protected virtual LabState WithDefaults(LabState state) => state;

    /// <summary>
    /// Computes what <paramref name="next"/> shows (<paramref name="previous"/> is what is shown, null at first) and
    /// returns it with any defaults the results settle, such as the chosen user.
    /// </summary>
    protected abstract Task<LabState> ComputeAsync(LabState? previous, LabState next);

    /// <remarks>
    /// Our own URL updates come back as parameters, late and sometimes more than once (each re-render of the
    /// page re-supplies the query the circuit last heard of), after newer moves: a query this page pushed
    /// is never a reason to go back to it. Other queries (a link, the nav menu) are applied.
    /// </remarks>
    protected override async Task OnParametersSetAsync()
    {
        var incoming = LabState.From(RunQuery, ItemQuery, NeuronQuery, LevelQuery, ModeQuery, AudienceQuery, UserQuery, ConceptQuery, FlaggedQuery);
        if (string.IsNullOrWhiteSpace(ModeQuery)) incoming = incoming with { Mode = Modes[0] }; // e.g. the users lab opens suppressing
        if (_started && (incoming == State || _pushed.Contains(incoming.ToQuery())))
        {
            _unchanged = true;
            return;
        }
        // Prerendering shows the skeleton only: the live circuit computes (and may rewrite the URL).
        if (!RendererInfo.IsInteractive)
        {
            State = incoming;
            return;
        }
        _started = true;
        await Change(incoming);
        if (PlayQuery == "1" && Grid is not null) _ = InvokeAsync(PlayAsync);
    }

    // An echo of our own URL changes nothing on the page: skip the render it would cost (one per slider move).
    protected override bool ShouldRender()
    {
        if (!_unchanged) return true;
        _unchanged = false;
        return false;
    }

    /// <summary>Shows <paramref name="next"/> in the controls at once and computes it when its turn comes.</summary>
    protected Task Change(LabState next)
    {
        State = next;
        return _updates.Post(next);
    }

    protected Task Change(Func<LabState, LabState> edit) => Change(edit(State));

    private async Task ApplyAsync(LabState requested)
    {
        _inFlight++;
        try
        {
            var next = await ShowBusyIfSlow(ComputeAsync(Applied, await ShowBusyIfSlow(ResolveAsync(requested))));
            if (ReferenceEquals(State, requested)) State = next; // keep newer moves the person made meanwhile
            Applied = next;
            Error = null;
            if (ReferenceEquals(State, next)) _ = PushUrlWhenQuietAsync(next); // during a burst of moves only the settled state goes to the URL
        }
        catch (Exception e)
        {
            // A bad link (unknown run, item or audience) shows as a message, not a broken circuit.
            Error = e.Message;
        }
        finally
        {
            Busy = false;
            if (--_inFlight == 0 && _disposed) ReleaseRun();
            else StateHasChanged();
        }
    }

    // A slider move over the cached sweep takes milliseconds: flashing a progress bar for it would cost the browser a
    // re-layout per move. Only work that is still running after a moment (opening a run, building an audience) shows it.
    private async Task<T> ShowBusyIfSlow<T>(Task<T> work)
    {
        if (!work.IsCompleted && await Task.WhenAny(work, Task.Delay(BusyAfter)) != work)
        {
            Busy = true;
            StateHasChanged();
        }
        return await work;
    }

    /// <summary>Opens the run and audience and settles defaults: newest SAE run, first mode, level snapped to the grid.</summary>
    private async Task<LabState> ResolveAsync(LabState state)
    {
        string run = state.Run ?? Concepts.SaeRuns().FirstOrDefault()?.Id
            ?? throw new InvalidOperationException("There is no SAE run yet: train one on the Runs page.");
        if (Sae is null || !Sae.Run.Id.StartsWith(run, StringComparison.Ordinal))
        {
            var lease = await Concepts.LeaseAsync(run, Lifetime);
            _lease?.Dispose();
            _lease = lease;
        }
        var sae = Sae!;
        state = WithDefaults(state with { Run = sae.Run.Id, Mode = Modes.Contains(state.Mode) ? state.Mode : Modes[0] });
        if (Audience is null || Applied?.Run != state.Run || Audience.Spec != state.Audience) Audience = await Labs.AudienceAsync(sae, state.Audience, Lifetime);
        if (state.LinkError is { } linkError) throw new BoundsException("link", linkError);
        var dataset = sae.Dataset.Name;
        if (state.Item is { } item && sae.ItemById(item) is null) throw new BoundsException("item", $"item {item} is not an item of {dataset}.");
        if (state.User is { } user && sae.UserById(user) is null) throw new BoundsException("user", $"user {user} is not a user of {dataset}.");
        if (state.Neuron is not { } k) return state;
        if (k < 0 || k >= sae.Width) throw new BoundsException("neuron", $"neuron {k} is outside 0..{sae.Width - 1} for run {sae.Run.Id}.");
        Grid = LevelGrid.For(sae.Profiles[k].MaxActivation, state.Mode);
        return state with { Level = Grid.Snap(state.Level) };
    }

    /// <summary>
    /// The guided demo: moves the level from 0 to the grid's far end (the top, or the deepest cap) in at most
    /// <see cref="PlayFrames"/> steps, each held for <see cref="PlayFrame"/> after its results are shown. A move of the
    /// slider or a change of what is edited (run, item, neuron, mode, audience), a failed step, or leaving the page stops
    /// it; choosing a user to look at does not.
    /// </summary>
    protected async Task PlayAsync()
    {
        if (Grid is not { } grid || _play is not null) return;
        var play = CancellationTokenSource.CreateLinkedTokenSource(Lifetime);
        _play = play;
        StateHasChanged();
        try
        {
            var edited = Edited(State);
            foreach (double level in PlayLevels(grid, State.Mode))
            {
                if (Edited(State) != edited) return;
                await Change(s => s with { Level = level });
                while (Applied?.Level != level || Busy)
                {
                    if (Error is not null || State.Level != level || Edited(State) != edited) return;
                    await Task.Delay(20, play.Token);
                }
                await Task.Delay(PlayFrame, play.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            if (ReferenceEquals(_play, play)) _play = null;
            play.Dispose();
            if (!_disposed) StateHasChanged();
        }
    }

    private static (string?, int?, int?, EditMode, string, bool) Edited(LabState s) => (s.Run, s.Item, s.Neuron, s.Mode, s.Audience, s.ExcludeFlagged);

    protected void StopPlaying()
    {
        var play = _play;
        _play = null;
        try
        {
            play?.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    protected const int PlayFrames = 20;
    protected static readonly TimeSpan PlayFrame = TimeSpan.FromMilliseconds(350);

    /// <summary>The levels the demo shows: from 0 outwards, about <see cref="PlayFrames"/> of them, always ending at the far end.</summary>
    public static IReadOnlyList<double> PlayLevels(LevelGrid grid, EditMode mode)
    {
        var levels = mode == EditMode.Cap ? grid.Levels.Reverse().ToList() : grid.Levels.ToList();
        int stride = Math.Max(1, (int)Math.Ceiling((levels.Count - 1) / (double)PlayFrames));
        return levels.Where((_, i) => i % stride == 0 || i == levels.Count - 1).ToList();
    }

    // Replacing the URL costs the browser a router pass and a layout re-render (measured: about as much CPU as the
    // move itself), so it waits until the slider has been still for a moment.
    private async Task PushUrlWhenQuietAsync(LabState state)
    {
        int version = ++_urlVersion;
        await Task.Delay(UrlAfter);
        if (version == _urlVersion && !_disposed) await PushUrlAsync(state);
    }

    private async Task PushUrlAsync(LabState state)
    {
        string query = state.ToQuery();
        if (!RendererInfo.IsInteractive || new Uri(Navigation.Uri).Query.TrimStart('?') == query) return;
        if (_pushed.Add(query)) _pushedOrder.Enqueue(query);
        while (_pushedOrder.Count > RememberedUrls) _pushed.Remove(_pushedOrder.Dequeue());
        await AddressBar.ReplaceAsync($"{Path}?{query}");
    }

    protected string Link(string query) => $"{Navigation.BaseUri}{Path}?{query}";

    // The run goes back to the catalog only when no computation of this page still uses it.
    private void ReleaseRun()
    {
        _lease?.Dispose();
        _lease = null;
    }

    public void Dispose()
    {
        _disposed = true;
        StopPlaying();
        _lifetime.Cancel();
        if (_inFlight == 0) ReleaseRun();
        GC.SuppressFinalize(this);
    }
}
