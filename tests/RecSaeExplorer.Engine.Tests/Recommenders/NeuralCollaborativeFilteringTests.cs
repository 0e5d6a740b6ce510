using RecSaeExplorer.Engine.Recommenders;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Recommenders;

public class NeuralCollaborativeFilteringTests
{
    [Fact]
    public void Has_the_paper_architecture()
    {
        using var model = new NeuralCollaborativeFiltering(5, 7, 20);
        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal([64L, 40], shapes["hidden0.weight"]);
        Assert.Equal([32L, 64], shapes["hidden1.weight"]);
        Assert.Equal([16L, 32], shapes["hidden2.weight"]);
        Assert.Equal([1L, 16], shapes["output.weight"]);
        Assert.Equal([5L, 20], shapes["user_embedding.weight"]);
        Assert.Equal([7L, 20], shapes["item_embedding.weight"]);
    }

    [Fact]
    public void Block_scoring_with_the_split_first_layer_equals_pairwise_mlp()
    {
        torch.random.manual_seed(3);
        using var model = new NeuralCollaborativeFiltering(4, 6, 8, initStd: 0.5);
        using var scope = NewDisposeScope();
        var users = torch.tensor(new long[] { 0, 2, 3 });
        var items = torch.arange(6L);
        float[] block = model.BlockLogits(users, items).data<float>().ToArray();
        // The same pairs through the concatenating MLP.
        var pairUsers = users.repeat_interleave(6);
        var pairItems = items.repeat(3);
        float[] pairs = model.PairLogits(pairUsers, pairItems).data<float>().ToArray();
        Assert.Equal(pairs, block, MatrixFactorizationTests.Tolerance(1e-5f));
        Assert.True(pairs.Distinct().Count() > 1, "a trivial model would not test anything");
    }

    [Fact]
    public void Frozen_model_passes_gradients_to_given_embeddings_only()
    {
        torch.random.manual_seed(5);
        using var model = new NeuralCollaborativeFiltering(3, 3, 4, initStd: 0.5);
        model.Freeze();
        using var scope = NewDisposeScope();
        var users = model.UserEmbeddings().requires_grad_();
        var items = model.ItemEmbeddings().requires_grad_();
        model.BlockLogitsFrom(new(users), new(items)).sum().backward();
        Assert.NotNull(users.grad);
        Assert.True(users.grad!.abs().sum().item<float>() > 0);
        Assert.All(model.parameters(), p => Assert.True(p.grad is null || p.grad.abs().sum().item<float>() == 0));
        Assert.Null(model.Biases());
    }
}
