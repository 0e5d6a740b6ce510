using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Labs;

namespace RecSaeExplorer.Web.Tests.Labs;

public sealed class LabStateTests
{
    [Fact]
    public void A_state_survives_the_trip_through_its_query_string()
    {
        var state = new LabState { Run = "sae-mf-1", Item = 260, Neuron = 7, Level = 2.25, Mode = EditMode.Add, Audience = "facet:Film-Noir:30", User = 42, Concept = "Sci-Fi" };

        var query = System.Web.HttpUtility.ParseQueryString(state.ToQuery());
        var back = LabState.From(query["run"], query["item"], query["neuron"], query["level"], query["mode"],
            query["audience"], query["user"], query["concept"]);

        Assert.Equal(state, back);
        Assert.Contains("audience=facet%3AFilm-Noir%3A30", state.ToQuery());
    }

    [Fact]
    public void Missing_or_bad_values_fall_back_to_the_defaults()
    {
        var state = LabState.From(" ", null, null, "NaN", "sideways", null, null, "");

        Assert.Equal(new LabState(), state);
        Assert.Equal("level=0&mode=set&audience=test", state.ToQuery());
    }

    [Theory]
    [InlineData(1.0, EditMode.Set, 0, 10, 0.25, 41)]  // the floor of the range, 10, in 40 steps of 0.25
    [InlineData(4.0, EditMode.Add, 0, 16, 0.5, 33)]   // 4 × 4 = 16; 16 / 40 = 0.4 rounds up to 0.5
    [InlineData(4.0, EditMode.Cap, -16, 0, 0.5, 33)]
    [InlineData(7.3, EditMode.Set, 0, 30, 1, 31)]     // 29.2 / 40 = 0.73 → 1; 29.2 → 30
    public void The_level_grid_has_round_steps_over_the_neurons_range(double maxActivation, EditMode mode, double min, double max, double step, int levels)
    {
        var grid = LevelGrid.For(maxActivation, mode);

        Assert.Equal((min, max, step), (grid.Min, grid.Max, grid.Step));
        Assert.Equal(levels, grid.Levels.Count);
        Assert.Equal(min, grid.Levels[0]);
        Assert.Equal(max, grid.Levels[^1]);
        Assert.Equal(grid.Levels[3], grid.Snap(grid.Levels[3] + step / 3));
        Assert.Equal(max, grid.Snap(max + 100));
    }

    [Fact]
    public async Task Only_the_running_and_the_latest_request_are_computed()
    {
        var computed = new List<int>();
        var gate = new TaskCompletionSource();
        var latest = new LatestOnly<int>(async n =>
        {
            computed.Add(n);
            if (n == 1) await gate.Task;
        });

        var first = latest.Post(1);
        var stale = new[] { latest.Post(2), latest.Post(3), latest.Post(4) };
        gate.SetResult();
        await first;

        Assert.All(stale, t => Assert.True(t.IsCompleted));
        Assert.Equal([1, 4], computed);
        await latest.Post(5);
        Assert.Equal([1, 4, 5], computed);
    }
}
