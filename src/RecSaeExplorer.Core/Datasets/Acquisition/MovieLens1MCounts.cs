namespace RecSaeExplorer.Core.Datasets.Acquisition;

/// <summary>What a complete ML-1M copy holds; a copy that differs is truncated or another dataset.</summary>
public sealed record MovieLens1MCounts(int Ratings, int Users, int RatedMovies)
{
    public static MovieLens1MCounts Official { get; } = new(1_000_209, 6_040, 3_706);

    public static MovieLens1MCounts Of(Dataset dataset) => new(dataset.Interactions.Count, dataset.Users.Count, dataset.Items.Count);

    public override string ToString() => $"{Ratings:N0} ratings from {Users:N0} users on {RatedMovies:N0} movies";
}
