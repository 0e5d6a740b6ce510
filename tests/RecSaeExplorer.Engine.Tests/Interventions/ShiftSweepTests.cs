using RecSaeExplorer.Engine.Interventions;

namespace RecSaeExplorer.Engine.Tests.Interventions;

public class ShiftSweepTests
{
    private static AudienceShift Shift(double level, double after) => new(level, 0.5, after, [], [], []);

    [Fact]
    public void Shallowest_level_is_the_one_nearest_zero_that_reaches_the_cut()
    {
        // cuts: 0 → 40%, −0.1 → 70%, −0.25 → 84%, −0.5 → 96%
        var sweep = new ShiftSweep([Shift(-0.5, 0.02), Shift(-0.25, 0.08), Shift(-0.1, 0.15), Shift(0, 0.3)], targetCut: 0.8);
        Assert.Equal(-0.25, sweep.ShallowestLevel);
        Assert.Equal(0.5, sweep.ShareBefore);
        Assert.Equal(-0.84, sweep.Points[1].RelativeChange, 12);
        Assert.Equal([-0.5, -0.25, -0.1, 0], sweep.Levels);
        Assert.Equal(0.15, sweep.At(-0.1)!.ShareAfter);
        Assert.Null(sweep.At(-0.2));
    }

    [Fact]
    public void No_level_reaching_the_cut_gives_none()
    {
        var sweep = new ShiftSweep([Shift(0, 0.3), Shift(-0.1, 0.2)], targetCut: 0.8);
        Assert.Null(sweep.ShallowestLevel);
        Assert.Throws<ArgumentException>(() => new ShiftSweep([], 0.8));
    }
}
