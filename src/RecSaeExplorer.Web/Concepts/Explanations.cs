using RecSaeExplorer.Engine.Explanations;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Labs;

namespace RecSaeExplorer.Web.Concepts;

/// <summary>
/// The explanation pages' questions about an opened run, answered by the engine through the run's LibTorch gate:
/// why a user's list holds an item, what would put an unlisted item in it, and how neurons relate.
/// </summary>
public static class Explanations
{
    /// <summary>The user's score for the item split over the neurons of one side's code (see <see cref="ScoreDecomposition"/>).</summary>
    public static Task<ScoreExplanation> ExplainAsync(this ExploredSae sae, int user, int item, ExplainedSide side = ExplainedSide.Item, CancellationToken ct = default) =>
        sae.RunAsync(() => ScoreDecomposition.Explain(sae.Recommender.Recommender.Model, sae.Sae.Sae, user, item, side), ct);

    /// <summary>
    /// The item's standing in the user's top-<paramref name="depth"/> and, when it is not listed, the smallest
    /// single-neuron promotion that lists it, searched over the promotion lab's own level grid so a link to the lab lands on it.
    /// </summary>
    public static Task<WhyNotAnswer> WhyNotAsync(this ExploredSae sae, int user, int item, int depth = 30, CancellationToken ct = default) =>
        sae.RunAsync(() => WhyNot.Explain(sae.Recommender.Recommender.Model, sae.Sae.Sae, sae.Split.Train, user, item,
            k => LevelGrid.For(sae.Profiles[k].MaxActivation, EditMode.Set).Levels, depth, ct), ct);

    /// <summary>The neurons nearest <paramref name="neuron"/> by decoder cosine.</summary>
    public static Task<IReadOnlyList<NeuronNeighbour>> NeighboursAsync(this ExploredSae sae, int neuron, int top = 5, CancellationToken ct = default) =>
        sae.RunAsync(() => DecoderNeighbours.Of(sae.Sae.Sae, neuron, top), ct);

    /// <summary>How neuron k fires over the items (host data, no LibTorch).</summary>
    public static ActivationDensity Density(this ExploredSae sae, int neuron) => ActivationDensity.Of(sae.ItemCodes, neuron);
}
