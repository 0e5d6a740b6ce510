using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Runs;

public sealed class RunCatalogDisposalTests
{
    [Fact]
    public async Task Disposal_waits_for_a_reader_inside_the_store_and_later_calls_are_refused()
    {
        string folder = TestPaths.NewTempFolder();
        try
        {
            var catalog = EngineServices.Catalog(folder);
            using var inside = new ManualResetEventSlim();
            using var release = new ManualResetEventSlim();
            var reader = Task.Run(() => catalog.Use(store =>
            {
                inside.Set();
                release.Wait();
                return store.List().Count; // a LiteDB read on this thread, as the first-admin check does on start
            }));
            inside.Wait();

            var disposal = Task.Run(catalog.Dispose);
            await Task.Delay(300);
            Assert.False(disposal.IsCompleted); // LiteDB's shared mode would release its file mutex on the wrong thread

            release.Set();
            Assert.Equal(0, await reader);
            await disposal; // no "object synchronization method was called from an unsynchronized block"
            Assert.Throws<ObjectDisposedException>(() => catalog.Use(store => store.List()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
