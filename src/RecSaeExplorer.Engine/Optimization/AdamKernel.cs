using System.Numerics;
using System.Runtime.InteropServices;

namespace RecSaeExplorer.Engine.Optimization;

/// <summary>The per-step scalars of an Adam update, bias corrections folded in as PyTorch does.</summary>
internal readonly record struct AdamCoefficients(float Beta1, float Beta2, float StepSize, float Bias2Sqrt,
    float Epsilon, float WeightDecay)
{
    public static AdamCoefficients At(AdamSettings s, long step) => new(
        (float)s.Beta1, (float)s.Beta2,
        (float)(s.LearningRate / (1 - Math.Pow(s.Beta1, step))),
        (float)Math.Sqrt(1 - Math.Pow(s.Beta2, step)),
        (float)s.Epsilon, (float)s.WeightDecay);
}

/// <summary>The element-wise update, vectorized, then a scalar tail for what is left over.</summary>
internal static class AdamKernel
{
    public static void Apply(Span<float> p, Span<float> g, Span<float> m, Span<float> v, AdamCoefficients c)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<float>.Count;
            var pv = MemoryMarshal.Cast<float, Vector<float>>(p);
            var gv = MemoryMarshal.Cast<float, Vector<float>>(g);
            var mv = MemoryMarshal.Cast<float, Vector<float>>(m);
            var vv = MemoryMarshal.Cast<float, Vector<float>>(v);
            Vector<float> b1 = new(c.Beta1), a1 = new(1 - c.Beta1), b2 = new(c.Beta2), a2 = new(1 - c.Beta2);
            Vector<float> bias2 = new(c.Bias2Sqrt), eps = new(c.Epsilon), step = new(-c.StepSize), decay = new(c.WeightDecay);
            for (int k = 0; k < pv.Length; k++)
            {
                var grad = gv[k] + decay * pv[k];
                var mk = mv[k] * b1 + grad * a1;
                var vk = vv[k] * b2 + a2 * grad * grad;
                mv[k] = mk;
                vv[k] = vk;
                pv[k] += step * (mk / (Vector.SquareRoot(vk) / bias2 + eps));
            }
            i = pv.Length * width;
        }
        for (; i < p.Length; i++)
        {
            float grad = g[i] + c.WeightDecay * p[i];
            m[i] = m[i] * c.Beta1 + grad * (1 - c.Beta1);
            v[i] = v[i] * c.Beta2 + (1 - c.Beta2) * grad * grad;
            p[i] += -c.StepSize * (m[i] / (MathF.Sqrt(v[i]) / c.Bias2Sqrt + c.Epsilon));
        }
    }
}
