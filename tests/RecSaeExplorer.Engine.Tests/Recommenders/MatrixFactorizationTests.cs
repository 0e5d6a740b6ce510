using RecSaeExplorer.Engine.Recommenders;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Recommenders;

public class MatrixFactorizationTests
{
    /// <summary>2 users, 3 items, d = 2 with hand-set weights.</summary>
    private static MatrixFactorization KnownModel()
    {
        var model = new MatrixFactorization(2, 3, 2);
        var state = model.state_dict();
        using (no_grad())
        {
            state["user_embedding.weight"].copy_(torch.tensor(new float[] { 1, 0, 0, 2 }, [2, 2]));
            state["item_embedding.weight"].copy_(torch.tensor(new float[] { 1, 1, 2, -1, 0, 3 }, [3, 2]));
            state["user_bias.weight"].copy_(torch.tensor(new float[] { 0.5f, -0.5f }, [2, 1]));
            state["item_bias.weight"].copy_(torch.tensor(new float[] { 0.1f, 0.2f, 0.3f }, [3, 1]));
            state["global_bias"].fill_(1f);
        }
        return model;
    }

    // logit(u, i) = 1 + b_u + b_i + p_u·q_i
    private static readonly float[,] Expected =
    {
        { 1 + 0.5f + 0.1f + 1, 1 + 0.5f + 0.2f + 2, 1 + 0.5f + 0.3f + 0 },
        { 1 - 0.5f + 0.1f + 2, 1 - 0.5f + 0.2f - 2, 1 - 0.5f + 0.3f + 6 },
    };

    [Fact]
    public void Block_logits_follow_the_formula()
    {
        using var model = KnownModel();
        using var scope = NewDisposeScope();
        var block = model.BlockLogits(torch.tensor(new long[] { 0, 1 }), torch.arange(3L));
        float[] values = block.data<float>().ToArray();
        for (int u = 0; u < 2; u++)
            for (int i = 0; i < 3; i++)
                Assert.Equal(Expected[u, i], values[u * 3 + i], 5);
    }

    [Fact]
    public void Pair_logits_match_block_logits()
    {
        using var model = KnownModel();
        using var scope = NewDisposeScope();
        var pairs = model.PairLogits(torch.tensor(new long[] { 1, 0, 1 }), torch.tensor(new long[] { 2, 1, 0 }));
        Assert.Equal([Expected[1, 2], Expected[0, 1], Expected[1, 0]], pairs.data<float>().ToArray(), Tolerance(1e-5f));
    }

    [Fact]
    public void Given_embeddings_add_biases_only_with_indices()
    {
        using var model = KnownModel();
        using var scope = NewDisposeScope();
        var users = torch.tensor(new long[] { 0, 1 });
        var items = torch.tensor(new long[] { 1, 2 });
        var withIndices = model.PairLogitsFrom(new(model.UserEmbeddings(users), users), new(model.ItemEmbeddings(items), items));
        Assert.Equal([Expected[0, 1], Expected[1, 2]], withIndices.data<float>().ToArray(), Tolerance(1e-5f));
        // Without indices: global bias + dot product only.
        var bare = model.PairLogitsFrom(new(model.UserEmbeddings(users)), new(model.ItemEmbeddings(items)));
        Assert.Equal([1 + 2f, 1 + 6f], bare.data<float>().ToArray(), Tolerance(1e-5f));
        var block = model.BlockLogitsFrom(new(model.UserEmbeddings(users), users), new(model.ItemEmbeddings(items), items));
        Assert.Equal(Expected[1, 1], block[1, 0].item<float>(), 5);
    }

    [Fact]
    public void Biases_are_copied_to_the_host()
    {
        using var model = KnownModel();
        var biases = model.Biases();
        Assert.Equal(1f, biases.Global);
        Assert.Equal([0.5f, -0.5f], biases.User);
        Assert.Equal([0.1f, 0.2f, 0.3f], biases.Item);
    }

    internal static IEqualityComparer<float> Tolerance(float eps) => new FloatTolerance(eps);

    private sealed class FloatTolerance(float eps) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= eps;
        public int GetHashCode(float obj) => 0;
    }
}
