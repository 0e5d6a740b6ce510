using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Integrity;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Workflows;

namespace RecSaeExplorer.Cli.Concepts;

/// <summary>A stored SAE run opened for analysis: its dataset, split, frozen recommender and SAE, and (lazily) its neuron profiles.</summary>
internal sealed class ConceptSession : IDisposable
{
    private readonly OpenedSae _opened;

    private ConceptSession(OpenedSae opened)
    {
        _opened = opened;
    }

    public RunInfo Run => _opened.Run;
    public Dataset Dataset => _opened.Recommender.Dataset;
    public DatasetSplit Split => _opened.Recommender.Split;
    public TrainedRecommender Recommender => _opened.Recommender.Recommender;
    public TrainedSae Sae => _opened.Sae;
    public IReadOnlyList<NeuronProfile> Profiles => _opened.Profiles;

    /// <summary>The codes of every item (rows in dataset order).</summary>
    public ActivationMatrix ItemCodes => _opened.ItemCodes;

    /// <summary>Names people gave neurons in the explorer, by neuron.</summary>
    public IReadOnlyDictionary<int, NeuronName> Names => _opened.Names;

    /// <summary>Neuron k's name if a person gave it one, else its automatic label.</summary>
    public string LabelOf(int neuron) => Names.TryGetValue(neuron, out var name) ? name.Name : Profiles[neuron].Label.Text;

    public NeuronReport Report(NeuronProfile profile) => NeuronReport.Of(profile, Names.GetValueOrDefault(profile.Index)?.Name);

    /// <summary>The engine's open-run (<see cref="OpenedSae"/>) on a read-only store.</summary>
    public static ConceptSession Open(CliContext context, string runId, CancellationToken ct)
    {
        using var store = new RunStore(context.StorePath, StoreAccess.Read);
        var run = store.Get(runId);
        if (run.Kind != RunStore.SaeKind || run.ParentRunId is null) throw new UsageException($"Run '{run.Id}' is not an SAE run.");
        var dataset = context.LoadDataset(run.DatasetName, ct);
        var recommender = LoadedRecommender.Load(store, run.ParentRunId, dataset);
        try
        {
            return new ConceptSession(OpenedSae.Open(store, recommender, run.Id, withVectors: false));
        }
        catch
        {
            recommender.Recommender.Dispose();
            throw;
        }
    }

    public int UserId(int index) => Dataset.Users[index].Id;
    public int ItemId(int index) => Dataset.Items[index].Id;

    public void Dispose()
    {
        _opened.Dispose();
        Recommender.Dispose();
    }
}
