using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Engine.Workflows;

/// <summary>
/// Which stored recommender an SAE is trained on when none is named: the newest recommender run of
/// the same dataset content (fingerprint, not name), narrowed by model, preset and split seed when
/// given. The explorer's form leaves them open (the newest of the dataset, so an SAE queued behind a
/// recommender job follows it); the CLI gives all three.
/// </summary>
public sealed record RecommenderCriteria(string DatasetFingerprint)
{
    public RecommenderModel? Model { get; init; }
    public string? Preset { get; init; }
    public int? SplitSeed { get; init; }

    public bool Matches(RunInfo run) =>
        run.Kind == RunStore.RecommenderKind
        && run.DatasetFingerprint == DatasetFingerprint
        && (Model is not { } model || run.Model == model.Name())
        && (Preset is null || string.Equals(run.Preset, Preset, StringComparison.OrdinalIgnoreCase))
        && (SplitSeed is not { } seed || run.SplitSeed == seed);
}

public static class RecommenderChoice
{
    /// <summary>The newest run meeting <paramref name="criteria"/>, or null.</summary>
    public static RunInfo? Newest(IEnumerable<RunInfo> runs, RecommenderCriteria criteria) =>
        runs.Where(criteria.Matches).OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The newest run meeting <paramref name="criteria"/> in the store, or null.</summary>
    public static RunInfo? Newest(IRunStoreAccess store, RecommenderCriteria criteria) =>
        Newest(store.Use(s => s.List(RunStore.RecommenderKind)), criteria);
}
