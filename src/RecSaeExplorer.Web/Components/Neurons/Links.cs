using RecSaeExplorer.Web.Concepts;

namespace RecSaeExplorer.Web.Components.Neurons;

/// <summary>Relative URLs of the exploration pages, in one place so every link agrees with the routes.</summary>
internal static class Links
{
    public static string Neurons(ExploredSae sae) => $"neurons/{Run(sae)}";
    public static string Neuron(ExploredSae sae, int k) => $"neurons/{Run(sae)}/{k}";
    public static string Item(ExploredSae sae, int itemId) => $"items/{Run(sae)}/{itemId}";
    public static string User(ExploredSae sae, int userId) => $"users/{Run(sae)}/{userId}";

    private static string Run(ExploredSae sae) => Uri.EscapeDataString(sae.Run.Id);
}
