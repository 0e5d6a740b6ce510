using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Sae;

public class LatentResamplerTests
{
    private static readonly SaeConfig Config = SaeFixture.Quick()
        .Architecture(a => a with { Width = 16, K = 4, Standardize = true })
        .DeadLatents(d => d with { ResampleEvery = 10, ResampleBelow = 0.05, ResampleUntil = 0.5 });

    [Fact]
    public void Resampling_is_due_every_period_until_its_share_of_the_steps()
    {
        using var resampler = new LatentResampler(Config, totalSteps: 40);
        int[] due = Enumerable.Range(1, 40).Where(resampler.Due).ToArray();
        Assert.Equal([10, 20], due);
        using var off = new LatentResampler(Config.DeadLatents(d => d with { ResampleEvery = 0 }), 40);
        Assert.False(off.Due(10));
    }

    [Fact]
    public void Rare_latents_point_at_training_vectors_fire_again_and_lose_their_Adam_moments()
    {
        torch.random.manual_seed(4);
        using var sae = new SparseAutoencoder(8, Config);
        using var scope = NewDisposeScope();
        var vectors = randn(300, 8);
        using var optimizer = optim.Adam(sae.parameters(), 1e-2);
        TrainBriefly(sae, optimizer, vectors);
        Silence(sae, [1, 5, 9]);
        long[] rare = Shares(sae, vectors).Select((s, k) => (s, k)).Where(t => t.s < Config.DeadLatents.ResampleBelow).Select(t => (long)t.k).ToArray();
        Assert.Contains(5L, rare);
        var before = sae.DecoderWeight.detach().clone();

        using var resampler = new LatentResampler(Config, 40);
        int count = resampler.Apply(sae, vectors, optimizer);

        Assert.Equal(rare.Length, count);
        var after = Shares(sae, vectors);
        Assert.All(rare, k => Assert.True(after[k] > 0, $"latent {k} still silent"));
        var directions = nn.functional.normalize(sae.InputSpace(vectors) - sae.PreBias, dim: 1);
        foreach (long k in rare)
        {
            var column = sae.DecoderWeight.select(1, k);
            Assert.Equal(1, column.norm().item<float>(), 4);
            Assert.Equal(1, directions.matmul(column).max().item<float>(), 4); // exactly some vector's direction
        }
        var live = Enumerable.Range(0, sae.Width).Where(k => !rare.Contains(k)).Select(k => (long)k).ToArray();
        var keep = tensor(live);
        Assert.True(before.index_select(1, keep).equal(sae.DecoderWeight.index_select(1, keep)).all().item<bool>());
        AssertMoments(optimizer, rare, live);
    }

    [Fact]
    public void Resampling_draws_do_not_depend_on_the_global_generator()
    {
        // Other threads (parallel tests, concurrent trainings) move LibTorch's global generator mid-training.
        float[] Resampled(int globalSeed)
        {
            using var data = new torch.Generator(4, CPU);
            using var sae = new SparseAutoencoder(8, Config, data);
            using var scope = NewDisposeScope();
            var vectors = randn(300, 8, generator: data);
            using var optimizer = optim.Adam(sae.parameters(), 1e-2);
            Silence(sae, [1, 5, 9]);
            torch.random.manual_seed(globalSeed);
            using var resampler = new LatentResampler(Config, 40);
            Assert.True(resampler.Apply(sae, vectors, optimizer) >= 3);
            return sae.DecoderWeight.detach().flatten().data<float>().ToArray();
        }
        Assert.Equal(Resampled(1), Resampled(2));
    }

    private static void TrainBriefly(SparseAutoencoder sae, optim.Optimizer optimizer, Tensor vectors)
    {
        for (int step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var code = sae.Encode(vectors);
            (sae.DecodeRaw(code.Z) - sae.InputSpace(vectors)).pow(2).mean().backward();
            optimizer.step();
        }
    }

    private static void Silence(SparseAutoencoder sae, long[] latents)
    {
        using var noGrad = no_grad();
        sae.EncoderBias.index_fill_(0, tensor(latents), -100);
    }

    private static float[] Shares(SparseAutoencoder sae, Tensor vectors)
    {
        using var noGrad = no_grad();
        return sae.Encode(vectors).Z.gt(0).to(ScalarType.Float32).mean([0]).data<float>().ToArray();
    }

    private static void AssertMoments(Adam optimizer, long[] cleared, long[] kept)
    {
        var state = (Adam.State)optimizer.state_dict().State[0]; // the encoder [m, d]
        Assert.Equal(0, state.exp_avg.index_select(0, tensor(cleared)).abs().sum().item<float>());
        Assert.Equal(0, state.exp_avg_sq.index_select(0, tensor(cleared)).abs().sum().item<float>());
        Assert.True(state.exp_avg_sq.index_select(0, tensor(kept)).abs().sum().item<float>() > 0);
    }
}
