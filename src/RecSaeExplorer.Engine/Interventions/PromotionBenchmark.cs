using System.Diagnostics;

namespace RecSaeExplorer.Engine.Interventions;

/// <summary>
/// Latency of one promotion step over the whole audience plus one user's re-ranked list, and the
/// process's resident memory before and after (a flat figure means no native tensors leak per step).
/// </summary>
public sealed record BenchmarkResult(int Steps, double MedianMs, double P95Ms, long ResidentBeforeBytes, long ResidentAfterBytes)
{
    public double MemoryGrowth => ResidentBeforeBytes == 0 ? 0 : (ResidentAfterBytes - ResidentBeforeBytes) / (double)ResidentBeforeBytes;
}

public static class PromotionBenchmark
{
    public static BenchmarkResult Run(InterventionContext context, int item, LatentEdit edit, int steps, int warmup = 50)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        for (int k = 0; k < warmup; k++) Once(context, item, edit);
        long before = Resident();
        var times = new double[steps];
        for (int k = 0; k < steps; k++)
        {
            long start = Stopwatch.GetTimestamp();
            Once(context, item, edit);
            times[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return new BenchmarkResult(steps, times[steps / 2], times[Math.Min(steps - 1, (int)Math.Ceiling(0.95 * steps) - 1)], before, Resident());
    }

    private static void Once(InterventionContext context, int item, LatentEdit edit)
    {
        var step = Promotion.Step(context, item, edit);
        _ = Promotion.NewList(context, 0, item, step.Scores[0]);
    }

    private static long Resident()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
