using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Labs;

namespace RecSaeExplorer.Web.Components.Neurons;

/// <summary>Relative URLs of the exploration pages, in one place so every link agrees with the routes.</summary>
internal static class Links
{
    public static string Neurons(ExploredSae sae) => $"neurons/{Run(sae)}";
    public static string Neuron(ExploredSae sae, int k) => $"neurons/{Run(sae)}/{k}";
    public static string Item(ExploredSae sae, int itemId) => $"items/{Run(sae)}/{itemId}";
    public static string User(ExploredSae sae, int userId) => $"users/{Run(sae)}/{userId}";

    /// <summary>
    /// The promotion lab for this run, with the item and/or neuron chosen; the audience is <paramref name="audience"/>,
    /// else a facet neuron's own fans. <paramref name="play"/> starts the guided slider run on arrival.
    /// </summary>
    public static string Promote(ExploredSae sae, int? itemId = null, int? neuron = null, string? audience = null, bool play = false) =>
        $"{LabExperiments.PromotePath}?{new LabState { Run = sae.Run.Id, Item = itemId, Neuron = neuron, Audience = audience ?? FansOf(sae, neuron) }.ToQuery()}{Play(play)}";

    /// <summary>The promotion lab preset to one user's "why not" answer: the item, the neuron, its level, the user as the audience.</summary>
    public static string PromoteFor(ExploredSae sae, int itemId, int neuron, double level, int userId) =>
        $"{LabExperiments.PromotePath}?{new LabState { Run = sae.Run.Id, Item = itemId, Neuron = neuron, Level = level, Audience = $"user:{userId}", User = userId }.ToQuery()}";

    /// <summary>The suppress-and-nudge lab for this run and neuron (suppressing, measuring the neuron's own facet).</summary>
    public static string UsersLab(ExploredSae sae, int neuron, bool play = false) =>
        $"{LabExperiments.UsersPath}?{new LabState { Run = sae.Run.Id, Neuron = neuron, Mode = EditMode.Cap, Audience = FansOf(sae, neuron) }.ToQuery()}{Play(play)}";

    // Not lab state: the lab drops it from the URL once it has played.
    private static string Play(bool play) => play ? $"&{LabState.PlayKey}=1" : "";

    /// <summary>The audience a neuron's lab links open on: the 50 fans of its facet label, else all test users.</summary>
    public static string FansOf(ExploredSae sae, int? neuron) =>
        neuron is { } k && k >= 0 && k < sae.Width && sae.Profiles[k].Label is { Kind: ConceptKind.Facet } label
            ? $"facet:{label.Name}:50"
            : LabState.DefaultAudience;

    private static string Run(ExploredSae sae) => Uri.EscapeDataString(sae.Run.Id);
}
