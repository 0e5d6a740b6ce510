using RecSaeExplorer.Engine.Torch;
using TorchSharp;

namespace RecSaeExplorer.Engine.Recommenders.Training;

/// <summary>Builds an untrained model of a config's architecture on its device.</summary>
public static class RecommenderFactory
{
    /// <summary>
    /// The initial weights come from a generator seeded with <see cref="RecommenderConfig.Seed"/>, not
    /// from torch's global generator, so concurrent work (another training, a test) cannot change them.
    /// </summary>
    /// <param name="sparseGradients">For training with <see cref="Optimization.FusedAdam"/>: embedding tables
    /// produce sparse gradients (see <see cref="RecommenderTrainer.UsesSparseGradients"/>).</param>
    public static RecommenderModule Create(RecommenderConfig config, int userCount, int itemCount, bool sparseGradients = false)
    {
        config.Validate();
        using var generator = new torch.Generator((ulong)config.Seed, torch.CPU);
        RecommenderModule model = config.Model switch
        {
            RecommenderModel.Mf => new MatrixFactorization(userCount, itemCount, config.EmbeddingDim, config.InitStd, generator, sparseGradients),
            RecommenderModel.Ncf => new NeuralCollaborativeFiltering(userCount, itemCount, config.EmbeddingDim, config.Hidden, config.InitStd, generator, sparseGradients),
            _ => throw new ArgumentOutOfRangeException(nameof(config)),
        };
        var device = TorchRuntime.ParseDevice(config.Device);
        if (device.type != TorchSharp.DeviceType.CPU) model.to(device);
        return model;
    }
}
