using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Optimization;

/// <summary>
/// Adam (Kingma &amp; Ba; PyTorch's default form: L2 added to the gradient, ε outside the square root) as
/// one SIMD pass per parameter over CPU memory. TorchSharp's <c>optim.Adam</c> runs about eight tensor ops
/// per parameter per step, each a full pass, and LibTorch 2.10's CPU sqrt is 2.4× slower than PyTorch
/// 1.13's; for embedding tables updated densely every step that made the optimizer a third of an epoch.
/// Sparse gradients (embedding tables built with <c>sparse: true</c>) get the same dense update: their
/// rows are summed into a zeroed scratch table first. <see cref="ZeroGrad"/> drops the gradients, so
/// backward writes fresh ones instead of adding into zeros. Deterministic: every element's update
/// depends on that element alone, and duplicate rows are summed in index order.
/// </summary>
public sealed class FusedAdam : IParameterOptimizer
{
    private const int ChunkElements = 1 << 16;
    private readonly Slot[] _slots;
    private readonly AdamSettings _settings;
    private readonly int _threads;
    private long _step;

    public FusedAdam(IEnumerable<Parameter> parameters, AdamSettings settings, int threads = 1)
    {
        _slots = parameters.Select(p => new Slot(p)).ToArray();
        _settings = settings;
        _threads = Math.Max(1, threads);
    }

    /// <summary>True when every parameter is a contiguous float32 CPU tensor, the memory this pass reads.</summary>
    public static bool Supports(IEnumerable<Parameter> parameters) =>
        parameters.All(p => p.device_type == DeviceType.CPU && p.dtype == ScalarType.Float32 && p.is_contiguous());

    public void ZeroGrad()
    {
        foreach (var slot in _slots) slot.DropGradient();
    }

    public void Step()
    {
        _step++;
        var coefficients = AdamCoefficients.At(_settings, _step);
        foreach (var slot in _slots) slot.Update(coefficients, _threads);
    }

    public void Dispose() { }

    /// <summary>One parameter, its first and second moments, and a scratch table for sparse gradients.</summary>
    private sealed class Slot(Parameter parameter)
    {
        private readonly float[] _m = new float[parameter.numel()];
        private readonly float[] _v = new float[parameter.numel()];
        private float[]? _scratch;

        public void DropGradient() => parameter.grad = null;

        public void Update(AdamCoefficients c, int threads)
        {
            using var grad = parameter.grad;
            if (grad is null) return; // unused since the last ZeroGrad: PyTorch's Adam skips it too
            if (!grad.is_sparse)
            {
                Run(c, threads, (start, length) => Floats(grad).Slice(start, length));
                return;
            }
            var scratch = _scratch ??= new float[_m.Length];
            var rows = SparseRows.Accumulate(grad, scratch);
            Run(c, threads, (start, length) => scratch.AsSpan(start, length));
            rows.Clear(scratch);
        }

        private void Run(AdamCoefficients c, int threads, GradientSlice gradient)
        {
            int n = _m.Length, chunks = (n + ChunkElements - 1) / ChunkElements;
            if (threads == 1 || chunks == 1)
            {
                Chunk(0, n, c, gradient);
                return;
            }
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads },
                k => Chunk(k * ChunkElements, Math.Min(ChunkElements, n - k * ChunkElements), c, gradient));
        }

        private void Chunk(int start, int length, AdamCoefficients c, GradientSlice gradient) =>
            AdamKernel.Apply(Floats(parameter).Slice(start, length), gradient(start, length),
                _m.AsSpan(start, length), _v.AsSpan(start, length), c);

        private static Span<float> Floats(Tensor t) => MemoryMarshal.Cast<byte, float>(t.bytes);
    }

    private delegate Span<float> GradientSlice(int start, int length);
}
