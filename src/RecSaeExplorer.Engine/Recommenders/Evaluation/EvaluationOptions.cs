namespace RecSaeExplorer.Engine.Recommenders.Evaluation;

/// <summary>Which users are evaluated.</summary>
public enum EvaluationUsers
{
    /// <summary>Every user with at least one held-out positive.</summary>
    All,

    /// <summary>Only the split's test users (those the SAE never trains on).</summary>
    TestUsers,
}

/// <summary>What <see cref="RecommenderEvaluator"/> computes.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Cut-offs; every metric is reported at each.</summary>
    public IReadOnlyList<int> Ks { get; init; } = [10];

    /// <summary>Rank all items except the user's training positives.</summary>
    public bool FullRanking { get; init; } = true;

    /// <summary>NCF protocol: each held-out positive ranked among <see cref="SampledNegatives"/> sampled negatives.</summary>
    public bool SampledProtocol { get; init; } = true;

    public int SampledNegatives { get; init; } = 99;

    /// <summary>Seeds the negatives of the sampled protocol.</summary>
    public int Seed { get; init; } = 2017;

    public EvaluationUsers Users { get; init; } = EvaluationUsers.All;

    /// <summary>Scored pairs per chunk (bounds memory); the user chunk is this over the item count.</summary>
    public int PairsPerChunk { get; init; } = 1 << 21;

    public int MaxK => Ks.Max();

    public void Validate()
    {
        if (Ks.Count == 0 || Ks.Any(k => k <= 0)) throw new ArgumentException("Evaluation needs positive cut-offs K.");
        if (SampledNegatives <= 0) throw new ArgumentException("The sampled protocol needs at least one negative.");
        if (PairsPerChunk <= 0) throw new ArgumentException("Pairs per chunk must be positive.");
    }
}
