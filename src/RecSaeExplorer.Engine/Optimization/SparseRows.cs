using System.Numerics;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Optimization;

/// <summary>
/// The rows a sparse (COO, possibly uncoalesced) gradient of a [rows, width] table touches, summed into a
/// dense scratch table in index order; <see cref="Clear"/> zeroes exactly those rows again afterwards.
/// </summary>
internal readonly struct SparseRows
{
    private readonly long[] _rows;
    private readonly int _width;

    private SparseRows(long[] rows, int width)
    {
        _rows = rows;
        _width = width;
    }

    public static SparseRows Accumulate(Tensor gradient, float[] scratch)
    {
        using var indices = gradient.SparseIndices;
        using var rawValues = gradient.SparseValues;
        if (indices.shape[0] != 1) throw new NotSupportedException("Only row-sparse gradients (embedding tables) are supported.");
        using var values = rawValues.contiguous();
        using var flat = indices.reshape(-1).contiguous();
        long[] rows = MemoryMarshal.Cast<byte, long>(flat.bytes).ToArray();
        int width = rows.Length == 0 ? 1 : (int)(values.numel() / rows.Length);
        var v = MemoryMarshal.Cast<byte, float>(values.bytes);
        for (int j = 0; j < rows.Length; j++)
            AddInto(scratch.AsSpan((int)rows[j] * width, width), v.Slice(j * width, width));
        return new SparseRows(rows, width);
    }

    private static void AddInto(Span<float> target, ReadOnlySpan<float> source)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var t = MemoryMarshal.Cast<float, Vector<float>>(target);
            var s = MemoryMarshal.Cast<float, Vector<float>>(source);
            for (int i = 0; i < t.Length; i++) t[i] += s[i];
            k = t.Length * Vector<float>.Count;
        }
        for (; k < target.Length; k++) target[k] += source[k];
    }

    public void Clear(float[] scratch)
    {
        foreach (long row in _rows) scratch.AsSpan((int)row * _width, _width).Clear();
    }
}
