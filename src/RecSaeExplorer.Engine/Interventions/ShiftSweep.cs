namespace RecSaeExplorer.Engine.Interventions;

/// <summary>The concept's pooled share of the audience's lists after the edit at one level.</summary>
public sealed record ShiftPoint(double Level, double ShareAfter, double RelativeChange);

/// <summary>
/// A suppression (or nudge) at each level of a grid, and, for a cut of at least <see cref="TargetCut"/>
/// (0.8 = 80% of the share removed), the level nearest 0 that reaches it.
/// </summary>
public sealed record ShiftSweep
{
    public ShiftSweep(IReadOnlyList<AudienceShift> shifts, double targetCut)
    {
        if (shifts.Count == 0) throw new ArgumentException("A sweep needs at least one level.", nameof(shifts));
        Shifts = shifts;
        TargetCut = targetCut;
        Points = shifts.Select(s => new ShiftPoint(s.Level, s.ShareAfter, s.RelativeChange)).ToList();
        ShallowestLevel = Points.Where(p => p.RelativeChange <= -targetCut).Select(p => (double?)p.Level)
            .OrderBy(l => Math.Abs(l!.Value)).FirstOrDefault();
    }

    public IReadOnlyList<AudienceShift> Shifts { get; }
    public double TargetCut { get; }
    public IReadOnlyList<ShiftPoint> Points { get; }
    public double? ShallowestLevel { get; }
    public double ShareBefore => Shifts[0].ShareBefore;
    public IReadOnlyList<double> Levels => Points.Select(p => p.Level).ToList();

    /// <summary>The shift computed at exactly <paramref name="level"/>, if the grid has it.</summary>
    public AudienceShift? At(double level) => Shifts.FirstOrDefault(s => s.Level == level);

    /// <summary>Every level counted over the kept users only (<see cref="AudienceShift.Among"/>).</summary>
    public ShiftSweep Among(IReadOnlyList<bool> keep) => new([.. Shifts.Select(s => s.Among(keep))], TargetCut);
}
