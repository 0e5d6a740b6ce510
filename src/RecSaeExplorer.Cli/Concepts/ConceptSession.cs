using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Integrity;
using RecSaeExplorer.Engine.Sae;

namespace RecSaeExplorer.Cli.Concepts;

/// <summary>A stored SAE run opened for analysis: its dataset, split, frozen recommender and SAE, and (lazily) its neuron profiles.</summary>
internal sealed class ConceptSession : IDisposable
{
    private readonly Lazy<(ActivationMatrix Items, ActivationMatrix Users)> _codes;
    private readonly Lazy<IReadOnlyList<NeuronProfile>> _profiles;

    private ConceptSession(RunInfo run, Dataset dataset, TrainedRecommender recommender, TrainedSae sae, IReadOnlyDictionary<int, NeuronName> names)
    {
        Run = run;
        Names = names;
        Dataset = dataset;
        Recommender = recommender;
        Sae = sae;
        Split = DatasetSplit.Create(dataset, run.SplitSeed);
        _codes = new(() => SaeCodec.Activations(Recommender.Model, Sae.Sae));
        _profiles = new(() => NeuronAnalyzer.Analyze(Dataset, _codes.Value.Items, _codes.Value.Users));
    }

    public RunInfo Run { get; }
    public Dataset Dataset { get; }
    public DatasetSplit Split { get; }
    public TrainedRecommender Recommender { get; }
    public TrainedSae Sae { get; }
    public IReadOnlyList<NeuronProfile> Profiles => _profiles.Value;

    /// <summary>The codes of every item (rows in dataset order), encoded once for the profiles and the reports.</summary>
    public ActivationMatrix ItemCodes => _codes.Value.Items;

    /// <summary>Names people gave neurons in the explorer, by neuron.</summary>
    public IReadOnlyDictionary<int, NeuronName> Names { get; }

    /// <summary>Neuron k's name if a person gave it one, else its automatic label.</summary>
    public string LabelOf(int neuron) => Names.TryGetValue(neuron, out var name) ? name.Name : Profiles[neuron].Label.Text;

    public NeuronReport Report(NeuronProfile profile) => NeuronReport.Of(profile, Names.GetValueOrDefault(profile.Index)?.Name);

    public static ConceptSession Open(CliContext context, string runId, CancellationToken ct)
    {
        using var store = new RunStore(context.StorePath, StoreAccess.Read);
        var run = store.Get(runId);
        if (run.Kind != RunStore.SaeKind || run.ParentRunId is null) throw new UsageException($"Run '{run.Id}' is not an SAE run.");
        var dataset = context.LoadDataset(run.DatasetName, ct);
        var recommender = store.LoadRecommender(run.ParentRunId, dataset);
        try
        {
            return new ConceptSession(run, dataset, recommender, store.LoadSae(run.Id, dataset, recommender.Model), store.NeuronNamesOf(run.Id));
        }
        catch
        {
            recommender.Dispose();
            throw;
        }
    }

    public int UserId(int index) => Dataset.Users[index].Id;
    public int ItemId(int index) => Dataset.Items[index].Id;

    public void Dispose()
    {
        Sae.Dispose();
        Recommender.Dispose();
    }
}
