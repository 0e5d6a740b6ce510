namespace RecSaeExplorer.Web.Jobs;

/// <summary>
/// Time left in a job's current phase from its measured pace over the last <see cref="Window"/>: the first steps
/// (warm-up, a slow start under load) stop counting once newer ones exist, so the estimate follows the real pace.
/// </summary>
public sealed class TrainingPace
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>No estimate before this much of the phase ran: a few seconds' pace says little.</summary>
    public static readonly TimeSpan MinimumObserved = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Queue<(TimeSpan Elapsed, double Fraction)> _samples = new();
    private string? _phase;

    public void Add(JobProgress progress)
    {
        lock (_gate)
        {
            if (progress.Phase != _phase)
            {
                _samples.Clear();
                _phase = progress.Phase;
            }
            _samples.Enqueue((progress.Elapsed, progress.Fraction));
            // Keep one sample older than the window so the pace always spans at least the window.
            while (_samples.Count > 2 && progress.Elapsed - _samples.ElementAt(1).Elapsed >= Window) _samples.Dequeue();
        }
    }

    /// <summary>The phase's time left at the recent pace, or null while there is too little to go on.</summary>
    public TimeSpan? Remaining
    {
        get
        {
            lock (_gate)
            {
                if (_samples.Count < 2) return null;
                var (t0, f0) = _samples.Peek();
                var (t1, f1) = _samples.Last();
                if (t1 < MinimumObserved || f1 <= f0 || f1 >= 1) return null;
                double secondsPerFraction = (t1 - t0).TotalSeconds / (f1 - f0);
                return TimeSpan.FromSeconds(secondsPerFraction * (1 - f1));
            }
        }
    }

    /// <summary>"about 3 min left" / "about 40 s left", or null without an estimate.</summary>
    public static string? Describe(TimeSpan? remaining)
    {
        if (remaining is not { } r) return null;
        double seconds = Math.Max(5, Math.Ceiling(r.TotalSeconds / 5) * 5);
        if (seconds < 60) return $"about {seconds:0} s left";
        return r.TotalMinutes < 90 ? $"about {Math.Ceiling(r.TotalMinutes):0} min left" : $"about {r.TotalHours:0.#} h left";
    }
}
