namespace RecSaeExplorer.Core.Hosting;

/// <summary>
/// Where the product finds shipped data and keeps local state. Every location can be overridden by
/// an environment variable; otherwise it is found relative to the repository checkout.
/// </summary>
public sealed record ProductPaths(string DataRoot, string StateRoot)
{
    public const string DataRootVariable = "RECSAE_DATA";
    public const string StateRootVariable = "RECSAE_HOME";
    public const string StoreVariable = "RECSAE_STORE";

    /// <summary>The LiteDB store: <c>RECSAE_STORE</c>, else <c>store.db</c> under the state folder.</summary>
    public string StorePath => Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } store
        ? Path.GetFullPath(store)
        : Path.Combine(StateRoot, "store.db");

    /// <summary>Downloaded or imported datasets that may not be committed (ML-1M).</summary>
    public string DatasetCache => Path.Combine(StateRoot, "datasets");

    /// <summary>
    /// Data comes from <c>RECSAE_DATA</c> or the <c>data/</c> folder of the checkout; state goes to
    /// <c>RECSAE_HOME</c> or the gitignored <c>.recsae/</c> folder beside <c>data/</c>.
    /// </summary>
    public static ProductPaths Discover()
    {
        string? repo = FindCheckout(Directory.GetCurrentDirectory()) ?? FindCheckout(AppContext.BaseDirectory);
        string dataRoot = Environment.GetEnvironmentVariable(DataRootVariable) is { Length: > 0 } data
            ? Path.GetFullPath(data)
            : Path.Combine(repo ?? Directory.GetCurrentDirectory(), "data");
        string stateRoot = Environment.GetEnvironmentVariable(StateRootVariable) is { Length: > 0 } home
            ? Path.GetFullPath(home)
            : repo is not null
                ? Path.Combine(repo, ".recsae")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "recsae");
        return new ProductPaths(dataRoot, stateRoot);
    }

    private static string? FindCheckout(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RecSaeExplorer.sln"))) return dir.FullName;
        }
        return null;
    }
}
