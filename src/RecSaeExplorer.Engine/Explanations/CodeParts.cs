using RecSaeExplorer.Engine.Sae;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Explanations;

/// <summary>
/// One embedding written as the sum of its SAE parts, on the host in double precision:
/// e = Σ_k z_k·s·W_k + s·b_pre + μ·1 + r, where s and μ are the vector's own scale and shift (s = 1,
/// μ = 0 without input scaling), W_k decoder column k and r = e − reconstruction. The residual is
/// computed last, so the parts add up to e to double rounding.
/// </summary>
/// <param name="Neurons">The active latents (z ≠ 0), ascending.</param>
/// <param name="Activations">z_k of each active latent.</param>
/// <param name="NeuronParts">z_k·s·W_k of each active latent [d].</param>
internal sealed record CodeParts(double[] Embedding, int[] Neurons, double[] Activations, double[][] NeuronParts,
    double[] DecoderBias, double[] Mean, double[] Residual)
{
    /// <summary>The parts of <paramref name="embedding"/> [1, d].</summary>
    public static CodeParts Of(SparseAutoencoder sae, Tensor embedding)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var code = sae.Encode(embedding);
        double[] e = Host(embedding);
        double[] z = Host(code.Z);
        double s = code.Std is null ? 1 : code.Std.cpu().item<float>();
        double mu = code.Mean is null ? 0 : code.Mean.cpu().item<float>();
        int d = e.Length, m = z.Length;
        double[] w = Host(sae.DecoderWeight.contiguous()); // [d, m] row-major
        double[] bias = Host(sae.PreBias).Select(b => s * b).ToArray();
        double[] mean = Enumerable.Repeat(mu, d).ToArray();
        int[] active = Enumerable.Range(0, m).Where(k => z[k] != 0).ToArray();
        var parts = active.Select(k => Enumerable.Range(0, d).Select(j => z[k] * s * w[j * m + k]).ToArray()).ToArray();
        var residual = new double[d];
        for (int j = 0; j < d; j++)
        {
            double rest = e[j] - bias[j] - mean[j];
            foreach (var part in parts) rest -= part[j];
            residual[j] = rest;
        }
        return new CodeParts(e, active, active.Select(k => z[k]).ToArray(), parts, bias, mean, residual);
    }

    /// <summary>The decode of an empty code (z = 0): what is left of the vector without any neuron and without the residual.</summary>
    public double[] EmptyCode => DecoderBias.Zip(Mean, (b, m) => b + m).ToArray();

    public static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++) sum += a[j] * b[j];
        return sum;
    }

    /// <summary>A tensor's values on the host, flattened, in double precision.</summary>
    public static double[] Host(Tensor t) => t.detach().cpu().to(ScalarType.Float64).contiguous().view(-1).data<double>().ToArray();
}
