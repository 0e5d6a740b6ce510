namespace RecSaeExplorer.Tests.Shared;

/// <summary>
/// A fact that needs the read-only ML-1M copy beside the checkout (never committed): where it is absent the
/// test is reported as skipped, not silently passed.
/// </summary>
public sealed class Ml1mFactAttribute : FactAttribute
{
    public Ml1mFactAttribute()
    {
        if (TestPaths.SharedMl1m is null) Skip = "needs ../shared/data/ml-1m (ML-1M is never committed)";
    }
}
