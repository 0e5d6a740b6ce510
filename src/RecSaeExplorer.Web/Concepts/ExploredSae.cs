using System.Collections.Concurrent;
using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Records;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Torch;
using RecSaeExplorer.Engine.Recommenders.Embeddings;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Engine.Recommenders.Ranking;

namespace RecSaeExplorer.Web.Concepts;

/// <summary>
/// An SAE run opened for exploration and shared by every circuit: its recommender, the codes of all items
/// and users, every neuron's profile and the names people gave neurons. Host-side data is immutable and
/// read freely; anything that runs LibTorch goes through <see cref="RunAsync{T}"/>, which hands it to the
/// engine's <see cref="TorchExecutor"/>, so any number of circuits can use one run safely.
/// </summary>
public sealed class ExploredSae : IDisposable
{
    private readonly ConcurrentDictionary<int, NeuronName> _names;
    private readonly ConcurrentDictionary<(int Neuron, bool Lowest), IReadOnlyList<ProbeItem>> _probes = new();
    private readonly Dictionary<int, int> _itemById;
    private readonly Dictionary<int, int> _userById;

    private readonly OpenedSae _opened;

    private readonly IDisposable _recommenderLease;

    /// <summary>Takes ownership of <paramref name="opened"/> (opened with its vectors) and of the lease on its recommender.</summary>
    internal ExploredSae(OpenedSae opened, IDisposable recommenderLease)
    {
        _opened = opened;
        _recommenderLease = recommenderLease;
        Run = opened.Run;
        Record = RunRecord.Of(opened.Run);
        Recommender = opened.Recommender;
        Sae = opened.Sae;
        ItemCodes = opened.ItemCodes;
        UserCodes = opened.UserCodes;
        Profiles = opened.Profiles;
        ItemVectors = opened.ItemVectors ?? throw new ArgumentException("The explorer needs the embeddings on the host.", nameof(opened));
        UserVectors = opened.UserVectors ?? throw new ArgumentException("The explorer needs the embeddings on the host.", nameof(opened));
        _names = new ConcurrentDictionary<int, NeuronName>(opened.Names);
        _itemById = Dataset.Items.ToDictionary(i => i.Id, i => i.Index);
        _userById = Dataset.Users.ToDictionary(u => u.Id, u => u.Index);
    }

    public RunInfo Run { get; }

    /// <summary>The run's stored config and metrics, read into types once when the run was opened.</summary>
    public RunRecord Record { get; }
    public LoadedRecommender Recommender { get; }
    public Dataset Dataset => Recommender.Dataset;
    public DatasetSplit Split => Recommender.Split;
    public TrainedSae Sae { get; }
    public int Width => Sae.Sae.Width;

    /// <summary>[items, m] and [users, m] codes, rows in dataset order.</summary>
    public ActivationMatrix ItemCodes { get; }
    public ActivationMatrix UserCodes { get; }

    /// <summary>Every neuron's profile, index k at position k.</summary>
    public IReadOnlyList<NeuronProfile> Profiles { get; }

    /// <summary>The recommender's item and user embeddings on the host (for similarity look-ups).</summary>
    public VectorTable ItemVectors { get; }
    public VectorTable UserVectors { get; }

    /// <summary>What the UI calls neuron k: the name a person gave it, else its automatic label.</summary>
    public string LabelOf(int neuron) => _names.TryGetValue(neuron, out var name) ? name.Name : Profiles[neuron].Label.Text;

    /// <summary>"#12 Horror": index and label, for lists and chart axes.</summary>
    public string Caption(int neuron) => $"#{neuron} {LabelOf(neuron)}";

    public NeuronName? NameOf(int neuron) => _names.TryGetValue(neuron, out var name) ? name : null;

    internal void SetName(int neuron, NeuronName? name)
    {
        if (name is null) _names.TryRemove(neuron, out _);
        else _names[neuron] = name;
    }

    public ItemInfo? ItemById(int id) => _itemById.TryGetValue(id, out int index) ? Dataset.Items[index] : null;
    public UserInfo? UserById(int id) => _userById.TryGetValue(id, out int index) ? Dataset.Users[index] : null;

    /// <summary>Items whose title contains <paramref name="text"/> (or whose id is it), most popular first.</summary>
    public IReadOnlyList<ItemInfo> SearchItems(string? text, int max = 20)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0) return Dataset.Items.Where(i => i.Popularity > 0).OrderByDescending(i => i.Popularity).Take(max).ToList();
        if (int.TryParse(text, out int id) && ItemById(id) is { } exact) return [exact];
        return Dataset.Items.Where(i => i.Title.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(i => i.Popularity).ThenBy(i => i.Title, StringComparer.Ordinal).Take(max).ToList();
    }

    /// <summary>The <paramref name="top"/> strongest neurons of a code, strongest first (only z &gt; 0).</summary>
    public IReadOnlyList<(int Neuron, float Value)> TopNeurons(float[] code, int top = 10) =>
        code.Select((v, k) => (Neuron: k, Value: v)).Where(t => t.Value > 0).OrderByDescending(t => t.Value).ThenBy(t => t.Neuron).Take(top).ToList();

    /// <summary>Neuron k's decoder probe (items nearest its decoded direction; with <paramref name="lowest"/> the most opposed), computed once.</summary>
    public async Task<IReadOnlyList<ProbeItem>> ProbeAsync(int neuron, bool lowest = false, CancellationToken ct = default)
    {
        if (_probes.TryGetValue((neuron, lowest), out var cached)) return cached;
        var probe = await RunAsync(() => DecoderProbe.Probe(Recommender.Recommender.Model, Sae.Sae, neuron, lowest: lowest), ct);
        return _probes[(neuron, lowest)] = probe;
    }

    /// <summary>A user's current top list from the recommender (training positives excluded).</summary>
    public Task<TopList> TopListAsync(int user, int depth = 30, CancellationToken ct = default) =>
        RunAsync(() => Scoring.TopLists(Recommender.Recommender.Model, [user], Split.Train, depth, ct)[0], ct);

    /// <summary>Runs LibTorch work for this run through the process's <see cref="TorchExecutor"/> (one call at a time per run).</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken ct = default) => TorchExecutor.Shared.RunAsync(this, work, ct);

    /// <summary>True once the catalog freed the run (evicted or deleted, and no page held it).</summary>
    public bool IsDisposed { get; private set; }

    public void Dispose()
    {
        IsDisposed = true;
        _opened.Dispose();
        _recommenderLease.Dispose();
    }
}
