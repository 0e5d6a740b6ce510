using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Workflows;

namespace RecSaeExplorer.Engine.Tests.Workflows;

public class RecommenderChoiceTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static RunInfo Run(string id, string model = "mf", string preset = "paper", string fingerprint = "fp", int splitSeed = 42,
        int minutes = 0, string kind = RunStore.RecommenderKind) => new()
    {
        Id = id, Kind = kind, Model = model, Preset = preset, DatasetName = "ml-latest-small", DatasetFingerprint = fingerprint,
        SplitSeed = splitSeed, CreatedUtc = Now.AddMinutes(minutes),
    };

    private static readonly RunInfo[] Runs =
    [
        Run("old-mf"), Run("new-ncf", model: "ncf", minutes: 5), Run("new-mf-tuned", preset: "tuned", minutes: 3),
        Run("other-data", fingerprint: "fp2", minutes: 9), Run("other-split", splitSeed: 7, minutes: 4),
        Run("an-sae", kind: RunStore.SaeKind, minutes: 10),
    ];

    [Fact]
    public void With_only_the_dataset_the_newest_recommender_of_that_content_is_chosen() =>
        Assert.Equal("new-ncf", RecommenderChoice.Newest(Runs, new RecommenderCriteria("fp"))!.Id);

    [Fact]
    public void Model_preset_and_split_seed_narrow_the_choice()
    {
        Assert.Equal("other-split", RecommenderChoice.Newest(Runs, new RecommenderCriteria("fp") { Model = RecommenderModel.Mf })!.Id);
        Assert.Equal("old-mf", RecommenderChoice.Newest(Runs, new RecommenderCriteria("fp") { Model = RecommenderModel.Mf, Preset = "PAPER", SplitSeed = 42 })!.Id);
        Assert.Equal("new-mf-tuned", RecommenderChoice.Newest(Runs, new RecommenderCriteria("fp") { Preset = "tuned" })!.Id);
    }

    [Fact]
    public void Nothing_matching_means_no_choice() =>
        Assert.Null(RecommenderChoice.Newest(Runs, new RecommenderCriteria("fp3")));
}
