using RecSaeExplorer.Web.Jobs;

namespace RecSaeExplorer.Web.Tests.Jobs;

public sealed class TrainingPaceTests
{
    private static JobProgress At(double seconds, double fraction, string phase = "Training") =>
        new(phase, "step", (int)(fraction * 4000), 4000, null, TimeSpan.FromSeconds(seconds), fraction);

    [Fact]
    public void The_estimate_follows_the_recent_pace_not_a_slow_start()
    {
        var pace = new TrainingPace();
        // A slow first minute (1% in 36 s, as under load at the start), then 1% every 0.6 s.
        pace.Add(At(0, 0));
        pace.Add(At(36, 0.01));
        for (int i = 1; i <= 100; i++) pace.Add(At(36 + 0.6 * i, 0.01 + 0.01 * i * 0.5));

        // Now at 36 + 60 s with 51% done; the recent pace is 0.5% per 0.6 s, so 49% takes 58.8 s.
        var remaining = pace.Remaining!.Value;
        Assert.Equal(58.8, remaining.TotalSeconds, 1);
        Assert.Equal("about 1 min left", TrainingPace.Describe(remaining));
    }

    [Fact]
    public void No_estimate_early_at_the_end_or_after_a_phase_change()
    {
        var pace = new TrainingPace();
        Assert.Null(pace.Remaining);
        pace.Add(At(0, 0));
        pace.Add(At(2, 0.1));
        Assert.Null(pace.Remaining); // under 5 s observed
        pace.Add(At(10, 0.5));
        Assert.Equal(10, pace.Remaining!.Value.TotalSeconds, 6);

        pace.Add(At(11, 0.01, "Evaluating"));
        Assert.Null(pace.Remaining); // a new phase starts its own pace
        pace.Add(At(20, 1, "Evaluating"));
        Assert.Null(pace.Remaining);
    }

    [Theory]
    [InlineData(3, "about 5 s left")]
    [InlineData(42, "about 45 s left")]
    [InlineData(61, "about 2 min left")]
    [InlineData(3 * 3600, "about 3 h left")]
    public void Descriptions_round_up(double seconds, string expected) =>
        Assert.Equal(expected, TrainingPace.Describe(TimeSpan.FromSeconds(seconds)));
}
