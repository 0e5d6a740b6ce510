using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Hosting;

public class DatasetServiceTests : IDisposable
{
    private readonly string _temp = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Concurrent_requests_share_one_load()
    {
        var service = ExplorerTestContext.DatasetService(TestPaths.ShippedData);

        var loads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => service.GetAsync(DatasetCatalog.DefaultName)));

        Assert.All(loads, d => Assert.Same(loads[0], d));
        Assert.Same(loads[0], await service.GetAsync(DatasetCatalog.DefaultName.ToUpperInvariant()));
        Assert.Equal(loads[0].Users.Count, (await service.GetStatsAsync(DatasetCatalog.DefaultName)).Users);
    }

    [Fact]
    public void Only_datasets_on_disk_are_available()
    {
        var service = ExplorerTestContext.DatasetService(TestPaths.ShippedData);

        var names = service.Available().Select(l => l.Name).ToList();

        Assert.Contains(MovieLensLatestSmallLoader.DatasetName, names);
        Assert.Contains(LastFmLoader.DatasetName, names);
        Assert.DoesNotContain(MovieLens1MLoader.DatasetName, names); // ML-1M lives in the state folder's cache
        Assert.Empty(ExplorerTestContext.DatasetService(_temp).Available());
    }

    [Fact]
    public async Task A_failed_load_is_not_remembered()
    {
        var service = ExplorerTestContext.DatasetService(_temp);
        // Back to back, so the second call can meet the first failure before its clean-up has run.
        for (int attempt = 0; attempt < 20; attempt++)
            await Assert.ThrowsAsync<DatasetNotFoundException>(() => service.GetAsync(DatasetCatalog.DefaultName));

        CopyFolder(TestPaths.MovieLensSmall, Path.Combine(_temp, MovieLensLatestSmallLoader.DatasetName));

        var dataset = await service.GetAsync(DatasetCatalog.DefaultName);
        Assert.Equal(MovieLensLatestSmallLoader.DatasetName, dataset.Name);
    }

    [Fact]
    public async Task The_data_dir_option_applies_to_the_configured_dataset()
    {
        var service = ExplorerTestContext.DatasetService(_temp, dataset: MovieLensLatestSmallLoader.DatasetName, dataDir: TestPaths.MovieLensSmall);

        Assert.Equal([MovieLensLatestSmallLoader.DatasetName], service.Available().Select(l => l.Name));
        Assert.Equal(MovieLensLatestSmallLoader.DatasetName, (await service.GetAsync(MovieLensLatestSmallLoader.DatasetName)).Name);
        await Assert.ThrowsAsync<DatasetNotFoundException>(() => service.GetAsync(LastFmLoader.DatasetName));
    }

    [Fact]
    public async Task An_unknown_name_fails_with_the_known_names()
    {
        var service = ExplorerTestContext.DatasetService(TestPaths.ShippedData);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => service.GetAsync("netflix"));

        Assert.Contains(DatasetCatalog.DefaultName, error.Message);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
