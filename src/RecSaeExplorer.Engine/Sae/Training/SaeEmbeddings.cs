using RecSaeExplorer.Engine.Recommenders;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Training;

/// <summary>The frozen recommender's user [U, d] and item [I, d] embeddings, detached (the SAE's data).</summary>
internal sealed class SaeEmbeddings(Tensor users, Tensor items) : IDisposable
{
    public Tensor Users { get; } = users;
    public Tensor Items { get; } = items;

    public static SaeEmbeddings Of(IRecommender recommender) =>
        new(recommender.UserEmbeddings().detach().clone(), recommender.ItemEmbeddings().detach().clone());

    public void Dispose()
    {
        Users.Dispose();
        Items.Dispose();
    }
}

/// <summary>One step's users and items: indices, embeddings, codes and reconstructions.</summary>
internal sealed record StepBatch(
    int[] Users, Tensor UserIndex, Tensor UserEmbeddings, SaeCode UserCode, Tensor UserReconstruction,
    Tensor ItemIndex, Tensor ItemEmbeddings, SaeCode ItemCode, Tensor ItemReconstruction);
