using RecSaeExplorer.Engine.Sae;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Sae;

public class SparseAutoencoderTests
{
    [Fact]
    public void TopK_keeps_exactly_k_active_latents()
    {
        torch.random.manual_seed(1);
        using var sae = new SparseAutoencoder(8, SaeFixture.Quick().Architecture(a => a with { Width = 32, K = 5 }));
        using var scope = NewDisposeScope();
        var code = sae.Encode(randn(50, 8) + 3); // shifted so that the top 5 pre-activations are positive
        var active = code.Z.ne(0).sum(1).data<long>().ToArray();
        Assert.All(active, n => Assert.True(n <= 5));
        Assert.Contains(5L, active);
        var positiveTop5 = code.PreActivations.topk(5, 1).values.gt(0).sum(1).data<long>().ToArray();
        Assert.Equal(positiveTop5, active);
    }

    [Fact]
    public void BatchTopK_keeps_k_per_vector_on_average_in_training()
    {
        torch.random.manual_seed(2);
        using var sae = new SparseAutoencoder(8, SaeFixture.Quick(SaeActivation.BatchTopK).Architecture(a => a with { Width = 32, K = 3 }));
        sae.train();
        using var scope = NewDisposeScope();
        var code = sae.Encode(randn(40, 8) + 3);
        Assert.Equal(3 * 40, code.Z.ne(0).sum().item<long>());
        Assert.True(sae.Threshold > 0);
    }

    [Fact]
    public void ExpertChoice_lets_each_latent_fire_on_its_K_over_m_share_of_the_batch_in_training()
    {
        torch.random.manual_seed(4);
        using var sae = new SparseAutoencoder(8, SaeFixture.Quick(SaeActivation.ExpertChoice).Architecture(a => a with { Width = 10, K = 3 }));
        sae.train();
        using var scope = NewDisposeScope();
        var pre = sae.Encode(randn(40, 8) + 3);
        // ceil(3 · 40 / 10) = 12 vectors per latent, each the latent's 12 largest positive pre-activations.
        var perLatent = pre.Z.ne(0).sum(0L).data<long>().ToArray();
        var positiveTop12 = pre.PreActivations.topk(12, 0).values.gt(0).sum(0L).data<long>().ToArray();
        Assert.Equal(positiveTop12, perLatent);
        Assert.Contains(12L, perLatent);
        var kept = pre.Z.ne(0);
        var smallestKept = where(kept, pre.PreActivations, full_like(pre.PreActivations, double.PositiveInfinity)).amin([0]);
        var largestDropped = where(kept, full_like(pre.PreActivations, double.NegativeInfinity), pre.PreActivations).amax([0]);
        Assert.True(smallestKept.ge(largestDropped).all().item<bool>());
    }

    [Fact]
    public void ExpertChoice_infers_with_per_latent_thresholds_that_keep_each_latents_share_of_the_training_vectors()
    {
        torch.random.manual_seed(5);
        using var sae = new SparseAutoencoder(8, SaeFixture.Quick(SaeActivation.ExpertChoice).Architecture(a => a with { Width = 10, K = 3 }));
        using var scope = NewDisposeScope();
        var training = randn(200, 8);
        Assert.True(sae.LatentThresholds!.eq(0).all().item<bool>(), "uncalibrated");
        sae.CalibrateThresholds(training);
        sae.eval();
        var code = sae.Encode(training);
        // ceil(3 · 200 / 10) = 60 vectors per latent, or every positive one where fewer are positive.
        var perLatent = code.Z.ne(0).sum(0L).data<long>().ToArray();
        var positive = code.PreActivations.gt(0).sum(0L).data<long>().ToArray();
        Assert.Equal(positive.Select(p => Math.Min(p, 60L)), perLatent);
        Assert.Contains(60L, perLatent);
        var other = randn(30, 8);
        var otherCode = sae.Encode(other);
        Assert.True(otherCode.Z.allclose(otherCode.PreActivations * otherCode.PreActivations.gt(sae.LatentThresholds!.clamp_min(0))));
    }

    [Fact]
    public void Only_expert_choice_SAEs_carry_per_latent_thresholds_in_their_weights()
    {
        using var expert = new SparseAutoencoder(4, SaeFixture.Quick(SaeActivation.ExpertChoice));
        using var batch = new SparseAutoencoder(4, SaeFixture.Quick(SaeActivation.BatchTopK));
        Assert.Contains("latent_thresholds", expert.state_dict().Keys);
        Assert.DoesNotContain("latent_thresholds", batch.state_dict().Keys);
        Assert.Null(batch.LatentThresholds);
    }

    [Fact]
    public void Matryoshka_prefix_decode_equals_decoding_with_later_latents_zeroed()
    {
        torch.random.manual_seed(3);
        using var sae = new SparseAutoencoder(6, SaeFixture.Quick().Architecture(a => a with { Width = 12, MatryoshkaPrefixes = [3, 6, 12] }));
        using var scope = NewDisposeScope();
        var z = rand(7, 12);
        var zeroed = z.clone();
        zeroed.narrow(1, 6, 6).zero_();
        Assert.True(sae.DecodeRaw(z, 6).allclose(sae.DecodeRaw(zeroed), 1e-5, 1e-6));
        Assert.False(sae.DecodeRaw(z, 6).allclose(sae.DecodeRaw(z), 1e-5, 1e-6));
    }

    [Fact]
    public void Decoder_starts_with_unit_directions_and_encoder_as_its_transpose()
    {
        using var sae = new SparseAutoencoder(6, SaeFixture.Quick().Architecture(a => a with { Width = 10 }));
        using var scope = NewDisposeScope();
        Assert.True(sae.DecoderWeight.norm(0).allclose(ones(10), 1e-5, 1e-5));
        var encoder = sae.named_parameters().First(p => p.name == "encoder").parameter;
        Assert.True(encoder.allclose(sae.DecoderWeight.t()));
    }

    [Fact]
    public void Standardized_inputs_are_restored_after_decoding()
    {
        // With a perfect code the reconstruction is x itself: check the unstandardize step with a hand-made code.
        using var scope = NewDisposeScope();
        using var sae = new SparseAutoencoder(4, SaeFixture.Quick().Architecture(a => a with { Standardize = true }));
        var x = tensor(new float[,] { { 1, 2, 3, 6 }, { -1, 0, 0, 5 } });
        var code = sae.Encode(x);
        var standardized = (x - code.Mean!) / code.Std!;
        Assert.True(code.Unstandardize(standardized).allclose(x, 1e-5, 1e-5));
    }

    [Fact]
    public void Unit_norm_inputs_reach_the_encoder_as_directions_and_decode_back_to_their_length()
    {
        using var scope = NewDisposeScope();
        using var sae = new SparseAutoencoder(4, SaeFixture.Quick().Architecture(a => a with { UnitNormInput = true }));
        var x = tensor(new float[,] { { 1, 2, 3, 6 }, { -1, 0, 0, 5 } });
        var seen = sae.InputSpace(x);
        Assert.True(seen.norm(1).allclose(ones(2), 1e-5, 1e-5));
        Assert.True(seen.mul(x.norm(1, keepdim: true)).allclose(x, 1e-5, 1e-5)); // a direction, not re-centred
        var code = sae.Encode(x);
        Assert.Null(code.Mean);
        Assert.True(code.Unstandardize(seen).allclose(x, 1e-5, 1e-5));
        Assert.True(sae.Reconstruct(code).allclose(sae.DecodeRaw(code.Z) * x.norm(1, keepdim: true), 1e-4, 1e-4));
    }

    [Fact]
    public void Standardized_and_unit_norm_inputs_exclude_each_other()
    {
        var config = SaeFixture.Quick().Architecture(a => a with { Standardize = true, UnitNormInput = true });
        Assert.Contains("not both", Assert.Throws<ArgumentException>(config.Validate).Message);
    }
}
