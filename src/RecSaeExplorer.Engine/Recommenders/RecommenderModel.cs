namespace RecSaeExplorer.Engine.Recommenders;

/// <summary>The recommender architectures of METHOD.md §2.</summary>
public enum RecommenderModel
{
    /// <summary>Logistic matrix factorization with global, user and item biases.</summary>
    Mf,

    /// <summary>Neural collaborative filtering, MLP only.</summary>
    Ncf,
}

public static class RecommenderModelNames
{
    /// <summary>The lower-case name used on the command line and in stored runs ("mf", "ncf").</summary>
    public static string Name(this RecommenderModel model) => model switch
    {
        RecommenderModel.Mf => "mf",
        RecommenderModel.Ncf => "ncf",
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    public static RecommenderModel Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "mf" => RecommenderModel.Mf,
        "ncf" => RecommenderModel.Ncf,
        _ => throw new ArgumentException($"Unknown recommender model '{name}'; use 'mf' or 'ncf'."),
    };
}
