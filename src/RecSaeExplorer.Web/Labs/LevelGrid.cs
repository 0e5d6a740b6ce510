using RecSaeExplorer.Engine.Interventions;

namespace RecSaeExplorer.Web.Labs;

/// <summary>
/// The slider's levels for a neuron: from 0 to a round number at or above 10 or 4 × the neuron's largest
/// item activation, whichever is larger, in about 40 round steps. (The research sweep stops at 5, but on
/// ML-1M a children's film needs about 6 to reach half of a children's audience.) Caps
/// (suppression) mirror it below zero. The dose-response curve is computed over exactly these levels.
/// </summary>
public sealed record LevelGrid(double Min, double Max, double Step)
{
    private const int Steps = 40;

    public static LevelGrid For(double maxActivation, EditMode mode)
    {
        double top = Math.Max(10, 4 * maxActivation);
        double step = NiceStep(top / Steps);
        double max = Math.Round(Math.Ceiling(top / step - 1e-9) * step, 6);
        return mode == EditMode.Cap ? new LevelGrid(-max, 0, step) : new LevelGrid(0, max, step);
    }

    public IReadOnlyList<double> Levels
    {
        get
        {
            int count = (int)Math.Round((Max - Min) / Step) + 1;
            return Enumerable.Range(0, count).Select(i => Math.Round(Min + i * Step, 6)).ToList();
        }
    }

    /// <summary>The grid level nearest <paramref name="level"/>, within the range.</summary>
    public double Snap(double level) => Math.Round(Min + Math.Round((Math.Clamp(level, Min, Max) - Min) / Step) * Step, 6);

    // 1, 2, 2.5 or 5 times a power of ten: steps a person reads at a glance.
    private static double NiceStep(double raw)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double scaled = raw / power;
        double nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
        return nice * power;
    }
}
