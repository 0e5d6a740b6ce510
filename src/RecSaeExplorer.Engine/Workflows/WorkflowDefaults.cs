namespace RecSaeExplorer.Engine.Workflows;

/// <summary>
/// The one set of defaults every front end starts from: the CLI's options, the explorer's form and
/// first run, the HTTP API. A default changed here changes everywhere.
/// </summary>
public static class WorkflowDefaults
{
    public const int RecommenderSeed = 42;
    public const int SplitSeed = 42;
    public const int SaeSeed = 1;

    /// <summary>One LibTorch thread: fastest when another process competes for the cores (docs/decisions.md).</summary>
    public const int Threads = 1;

    public const string Device = "cpu";

    /// <summary>Cut-offs a recommender is evaluated at after training.</summary>
    public static IReadOnlyList<int> Ks { get; } = [10, 20];

    /// <summary>The paper's β grid.</summary>
    public static IReadOnlyList<double> SweepBetas { get; } = [0, 1, 2, 5, 10];
}
