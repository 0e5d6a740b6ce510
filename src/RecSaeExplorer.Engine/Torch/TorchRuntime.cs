using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Torch;

/// <summary>Process-wide TorchSharp settings and small tensor helpers shared by the engine.</summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static int _threads;

    /// <summary>
    /// Sets LibTorch's intra-op thread count: <paramref name="threads"/> when positive, else every core
    /// (2 on the reference machine). More threads than cores only adds contention.
    /// </summary>
    public static void UseThreads(int threads = 0)
    {
        int wanted = ThreadCount(threads);
        lock (Gate)
        {
            if (_threads == wanted) return;
            torch.set_num_threads(wanted);
            _threads = wanted;
        }
    }

    /// <summary>A config's thread setting as a count: itself when positive, else every core.</summary>
    public static int ThreadCount(int threads) => threads > 0 ? threads : Environment.ProcessorCount;

    /// <summary>Parses "cpu", "cuda", "cuda:1", ... with a message that says what is accepted.</summary>
    public static Device ParseDevice(string? description)
    {
        string text = string.IsNullOrWhiteSpace(description) ? "cpu" : description.Trim();
        try
        {
            var device = torch.device(text);
            if (device.type == DeviceType.CUDA && !torch.cuda.is_available())
                throw new ArgumentException($"Device '{text}' was asked for, but this TorchSharp build has no CUDA device; use 'cpu'.");
            return device;
        }
        catch (ArgumentException) { throw; }
        catch (Exception e)
        {
            throw new ArgumentException($"Unknown device '{text}'; use 'cpu' or 'cuda[:index]'.", e);
        }
    }

    /// <summary>An int64 index tensor on <paramref name="device"/> (embedding lookups want int64).</summary>
    public static Tensor Indices(ReadOnlySpan<int> values, Device device)
    {
        var longs = new long[values.Length];
        for (int k = 0; k < values.Length; k++) longs[k] = values[k];
        return torch.tensor(longs, device: device);
    }

    /// <summary>0..count-1 as an int64 tensor.</summary>
    public static Tensor Range(long start, long count, Device device) =>
        torch.arange(start, start + count, dtype: ScalarType.Int64, device: device);
}
