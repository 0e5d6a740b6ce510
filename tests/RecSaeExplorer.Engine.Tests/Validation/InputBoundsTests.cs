using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Validation;

namespace RecSaeExplorer.Engine.Tests.Validation;

public sealed class InputBoundsTests
{
    [Theory]
    [InlineData("0:5:0.5", 11)]
    [InlineData("0:20:0.01", InputBounds.MaxLevels)] // the largest grid allowed
    [InlineData("-1:0:0.25", 5)]
    [InlineData("0,1,3", 3)]
    public void Level_grids_within_bounds_expand(string spec, int count) =>
        Assert.Equal(count, InputBounds.LevelGrid(spec, "--levels").Length);

    [Theory]
    [InlineData("0:10000:0.001", "10,000,001 levels")]
    [InlineData("0:1000000:0.001", "is outside")]
    [InlineData("0:1e12:1", "is outside")]
    [InlineData("0:20.01:0.01", "2,002 levels")]
    [InlineData("0:NaN:1", "finite")]
    [InlineData("0,Infinity", "finite")]
    [InlineData("0,1e308", "is outside")]
    [InlineData("0:5:0", "positive")]
    [InlineData("0:5:-1", "positive")]
    [InlineData("5:0:1", "below start")]
    [InlineData("a:b", "start:stop:step")]
    [InlineData("0:5:x", "start:stop:step")]
    public void Level_grids_out_of_bounds_name_the_option(string spec, string expected)
    {
        var error = Assert.Throws<BoundsException>(() => InputBounds.LevelGrid(spec, "--levels"));
        Assert.Equal("--levels", error.Input);
        Assert.StartsWith("--levels", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_list_of_more_than_the_maximum_levels_is_refused() =>
        Assert.Throws<BoundsException>(() => InputBounds.LevelGrid(string.Join(',', Enumerable.Range(0, InputBounds.MaxLevels + 1)), "--levels"));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e308)]
    [InlineData(-10_000.5)]
    public void Levels_must_be_finite_and_within_the_magnitude(double level) =>
        Assert.Equal("--level", Assert.Throws<BoundsException>(() => InputBounds.Level(level, "--level")).Input);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(InputBounds.MaxCount + 1)]
    public void Counts_are_at_least_one(int value) => Assert.Throws<BoundsException>(() => InputBounds.Count(value, "--top"));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Shares_are_between_0_and_1(double value) => Assert.Throws<BoundsException>(() => InputBounds.Share(value, "--target"));

    [Theory]
    [InlineData("abc", "'abc' is not a valid id")]
    [InlineData("99999999999", "'99999999999' is not a valid id")]
    public void Ids_name_the_bad_value(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<BoundsException>(() => InputBounds.Id(text, "item")).Message);

    [Theory]
    [InlineData("-5", 10, "-5 is outside 0..9")]
    [InlineData("10", 10, "10 is outside 0..9")]
    [InlineData("x", 10, "'x' is not a whole number")]
    public void Indexes_are_in_range(string text, int count, string expected) =>
        Assert.Contains(expected, Assert.Throws<BoundsException>(() => InputBounds.Index(text, count, "neuron")).Message);

    [Fact]
    public void Names_are_trimmed_and_at_most_80_characters()
    {
        Assert.Equal(new string('a', 80), InputBounds.Name($"  {new string('a', 80)} ", "name"));
        Assert.Null(InputBounds.Name("   ", "name"));
        Assert.Contains("8,000 characters", Assert.Throws<BoundsException>(() => InputBounds.Name(new string('a', 8000), "name")).Message);
    }

    [Fact]
    public void The_store_refuses_a_name_longer_than_80_characters()
    {
        string folder = TestPaths.NewTempFolder();
        try
        {
            using var store = new RunStore(Path.Combine(folder, "store.db"));
            store.Save(new RunInfo { Id = "mf-1", Kind = RunStore.RecommenderKind, Model = "mf", DatasetName = "d", DatasetFingerprint = "f" }, new byte[] { 1 });
            store.Save(new RunInfo { Id = "sae-1", Kind = RunStore.SaeKind, Model = "sae", DatasetName = "d", DatasetFingerprint = "f", ParentRunId = "mf-1" }, new byte[] { 1 });
            Assert.Throws<BoundsException>(() => store.SetNeuronName("sae-1", 3, new string('x', 81)));
            Assert.Empty(store.NeuronNamesOf("sae-1"));
            Assert.Equal(new string('x', 80), store.SetNeuronName("sae-1", 3, new string('x', 80))!.Name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
