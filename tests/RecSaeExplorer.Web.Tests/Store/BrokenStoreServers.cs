using RecSaeExplorer.Web.Tests.Browser;

namespace RecSaeExplorer.Web.Tests.Store;

/// <summary>The explorer started on a store file that is not a store: a copy of a text file.</summary>
public sealed class ForeignStoreServer : ExplorerServer
{
    public const string Text = "# Notes\nThis is a README, not a store.\n";

    public string StoreFile { get; private set; } = "";

    protected override bool SeedAccounts => false;

    protected override Task PrepareAsync(string stateFolder)
    {
        StoreFile = Path.Combine(stateFolder, "store.db");
        return File.WriteAllTextAsync(StoreFile, string.Concat(Enumerable.Repeat(Text, 400)));
    }
}

/// <summary>The explorer started on a store of this product cut in half (as a failed copy leaves it).</summary>
public sealed class DamagedStoreServer : ExplorerServer
{
    public string StoreFile { get; private set; } = "";

    protected override bool SeedAccounts => false;

    protected override Task PrepareAsync(string stateFolder)
    {
        StoreFile = Path.Combine(stateFolder, "store.db");
        string healthy = Path.Combine(stateFolder, "healthy.db");
        using (var store = new RecSaeExplorer.Engine.Runs.RunStore(healthy))
        {
            for (int i = 0; i < 4; i++)
            {
                var weights = new byte[120_000];
                new Random(i).NextBytes(weights);
                store.Save(new RecSaeExplorer.Engine.Runs.RunInfo
                {
                    Id = $"mf-{i}", Kind = "recommender", Model = "mf", DatasetName = "ml-latest-small", DatasetFingerprint = "f", CreatedUtc = DateTime.UtcNow,
                }, weights);
            }
        }
        var bytes = File.ReadAllBytes(healthy);
        File.Delete(healthy);
        return File.WriteAllBytesAsync(StoreFile, bytes[..(bytes.Length / 2)]);
    }
}
