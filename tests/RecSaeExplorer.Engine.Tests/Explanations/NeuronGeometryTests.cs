using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Engine.Explanations;
using RecSaeExplorer.Engine.Interventions;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Explanations;

public sealed class NeuronGeometryTests(ExplanationFixture fixture) : IClassFixture<ExplanationFixture>
{
    [Fact]
    public void Similar_neurons_match_a_direct_cosine_of_decoder_columns()
    {
        var sae = fixture.MfSaes[0].Sae;
        float[] w;
        using (no_grad()) w = sae.DecoderWeight.detach().cpu().contiguous().data<float>().ToArray();
        int d = sae.InputDim, m = sae.Width;
        double Cos(int a, int b)
        {
            double dot = 0, na = 0, nb = 0;
            for (int j = 0; j < d; j++)
            {
                dot += w[j * m + a] * w[j * m + b];
                na += w[j * m + a] * w[j * m + a];
                nb += w[j * m + b] * w[j * m + b];
            }
            return dot / Math.Sqrt(na * nb);
        }
        for (int k = 0; k < m; k++)
        {
            var expected = Enumerable.Range(0, m).Where(j => j != k).Select(j => (j, c: Cos(k, j))).OrderByDescending(t => t.c).Take(5).ToList();
            var neighbours = DecoderNeighbours.Of(sae, k);
            Assert.Equal(5, neighbours.Count);
            Assert.DoesNotContain(neighbours, n => n.Neuron == k);
            for (int r = 0; r < 5; r++)
            {
                Assert.Equal(expected[r].c, neighbours[r].Cosine, 4);
                Assert.Equal(Cos(k, neighbours[r].Neuron), neighbours[r].Cosine, 4);
            }
        }
    }

    [Fact]
    public void The_pushed_down_probe_is_the_other_end_of_the_cosine_order()
    {
        var model = fixture.Mf.Model;
        var sae = fixture.MfSaes[0].Sae;
        var all = DecoderProbe.Probe(model, sae, 2, top: model.ItemCount);
        var down = DecoderProbe.Probe(model, sae, 2, top: 5, lowest: true);
        Assert.Equal(all.TakeLast(5).Reverse().Select(p => p.Item), down.Select(p => p.Item));
        Assert.True(down.Zip(down.Skip(1)).All(t => t.First.Cosine <= t.Second.Cosine));
    }

    [Fact]
    public void Density_keeps_the_nonzero_activations_and_the_firing_share()
    {
        var codes = ActivationMatrix.From(new float[,] { { 0, 1 }, { 0.5f, 0 }, { 0, 2 }, { 0, 0 } });
        var density = ActivationDensity.Of(codes, 1);
        Assert.Equal([1.0, 2.0], density.Nonzero);
        Assert.Equal(0.5, density.FiringShare);
        Assert.Equal(0.25, ActivationDensity.Of(codes, 0).FiringShare);
    }
}
