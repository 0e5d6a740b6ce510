using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>An empty run store in a temp folder, for tests whose actions are audited into it.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    public TempStore() => Catalog = EngineServices.Catalog(_folder);

    public RunCatalog Catalog { get; }

    public void Dispose()
    {
        Catalog.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
