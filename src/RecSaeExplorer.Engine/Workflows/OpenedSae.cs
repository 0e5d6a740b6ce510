using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Recommenders.Embeddings;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Encoding;

namespace RecSaeExplorer.Engine.Workflows;

/// <summary>
/// An SAE run opened for analysis (open-run): its frozen recommender, the SAE, the codes of every item
/// and user, every neuron's profile and the names people gave neurons; the explorer also keeps the
/// embeddings on the host for similarity look-ups. Owns the SAE, not the recommender (shared by runs).
/// </summary>
public sealed record OpenedSae(RunInfo Run, LoadedRecommender Recommender, TrainedSae Sae, ActivationMatrix ItemCodes, ActivationMatrix UserCodes,
    IReadOnlyList<NeuronProfile> Profiles, IReadOnlyDictionary<int, NeuronName> Names, VectorTable? ItemVectors, VectorTable? UserVectors) : IDisposable
{
    /// <summary>Opens SAE run <paramref name="saeRunId"/> on its already loaded recommender <paramref name="parent"/>.</summary>
    public static OpenedSae Open(IRunStoreAccess store, LoadedRecommender parent, string saeRunId, bool withVectors)
    {
        // Only the read holds the store; the SAE is rebuilt outside it.
        var (stored, names) = store.Use(s =>
        {
            var stored = s.ReadRun(saeRunId, RunStore.SaeKind);
            if (stored.Run.ParentRunId != parent.Run.Id)
                throw new InvalidOperationException($"Run '{stored.Run.Id}' is not an SAE run on recommender {parent.Run.Id}.");
            return (stored, s.NeuronNamesOf(stored.Run.Id));
        });
        var run = stored.Run;
        var sae = RunStore.RebuildSae(stored, parent.Dataset, parent.Recommender.Model);
        try
        {
            var model = parent.Recommender.Model;
            var (items, users) = SaeCodec.Activations(model, sae.Sae);
            var profiles = NeuronAnalyzer.Analyze(parent.Dataset, items, users);
            return new OpenedSae(run, parent, sae, items, users, profiles, names,
                withVectors ? VectorTable.Of(model, itemSide: true) : null, withVectors ? VectorTable.Of(model, itemSide: false) : null);
        }
        catch
        {
            sae.Dispose();
            throw;
        }
    }

    public void Dispose() => Sae.Dispose();
}
