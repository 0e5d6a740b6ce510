using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Acquisition;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Core.Hosting;

namespace RecSaeExplorer.Core.Tests.Datasets.Acquisition;

/// <summary>Import and fetch of ML-1M. The network is always faked; the real URL is never called.</summary>
public sealed class MovieLens1MAcquirerTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempFolder();
    private readonly Ml1mSource _source = new();

    private string Target => Path.Combine(_root, "ml-1m");

    [Fact]
    public async Task Import_copies_a_verified_copy_into_a_new_target()
    {
        using var acquirer = new MovieLens1MAcquirer(FakeHandler.Throwing(new InvalidOperationException("no network in imports"))) { Expected = _source.Expected };
        var dataset = await acquirer.ImportAsync(_source.Folder, Target);
        Assert.Equal(_source.Expected, MovieLens1MCounts.Of(dataset));
        Assert.Equal(Directory.GetFiles(_source.Folder).Select(Path.GetFileName).Order(), Directory.GetFiles(Target).Select(Path.GetFileName).Order());
        Assert.Equal(dataset.Fingerprint, new MovieLens1MLoader().Load(Target).Fingerprint);
        Assert.Equal(["ml-1m"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName)); // no staging left behind
    }

    [Fact]
    public async Task Import_replaces_an_existing_target_only_with_a_verified_copy()
    {
        WritePreviousTarget();
        using var acquirer = new MovieLens1MAcquirer(new HttpClient()) { Expected = _source.Expected };
        await acquirer.ImportAsync(_source.Folder, Target);
        Assert.False(File.Exists(Path.Combine(Target, "previous.txt")));
        Assert.True(new MovieLens1MLoader().IsPresent(Target));
        Assert.Equal(["ml-1m"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Import_of_a_truncated_ratings_file_fails_and_leaves_the_previous_target_untouched()
    {
        WritePreviousTarget();
        using var truncated = new DatasetFiles();
        foreach (string name in new[] { "movies.dat", "users.dat" }) File.Copy(Path.Combine(_source.Folder, name), truncated.PathOf(name));
        string ratings = MovieLens1MLoader.FindRatings(_source.Folder)!;
        byte[] bytes = File.ReadAllBytes(ratings);
        truncated.WriteBytes(Path.GetFileName(ratings), bytes[..(bytes.Length * 2 / 3)]);

        using var acquirer = new MovieLens1MAcquirer(new HttpClient()) { Expected = _source.Expected };
        var e = await Assert.ThrowsAsync<DatasetAcquisitionException>(() => acquirer.ImportAsync(truncated.Folder, Target));
        Assert.Contains(truncated.Folder, e.Message);
        Assert.Equal(["previous.txt"], Directory.GetFiles(Target).Select(Path.GetFileName));
        Assert.Equal(["ml-1m"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Import_from_a_folder_without_ML_1M_says_what_is_missing()
    {
        using var acquirer = new MovieLens1MAcquirer(new HttpClient());
        var e = await Assert.ThrowsAsync<DatasetAcquisitionException>(() => acquirer.ImportAsync(_root, Target));
        Assert.Contains("movies.dat", e.Message);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public async Task Fetch_downloads_the_official_zip_reports_progress_and_installs_it()
    {
        byte[] zip = _source.Zip();
        var handler = FakeHandler.Serving(zip);
        var progress = new ProgressLog<DownloadProgress>();
        using var acquirer = new MovieLens1MAcquirer(handler) { Expected = _source.Expected };

        var dataset = await acquirer.FetchAsync(Target, progress);

        Assert.Equal([MovieLens1MAcquirer.OfficialUrl], handler.Requests);
        Assert.Equal(new DownloadProgress(0, zip.Length), progress.Reports[0]);
        Assert.Equal(new DownloadProgress(zip.Length, zip.Length), progress.Reports[^1]);
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(p => p.First.BytesReceived < p.Second.BytesReceived));
        Assert.Equal(_source.Expected, MovieLens1MCounts.Of(new MovieLens1MLoader().Load(Target)));
        Assert.Equal(_source.Expected, MovieLens1MCounts.Of(dataset));
        Assert.True(File.Exists(Path.Combine(Target, "README")));
        Assert.Equal(["ml-1m"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Fetch_without_network_leaves_no_target_and_names_both_ways_in_one_line()
    {
        using var acquirer = new MovieLens1MAcquirer(FakeHandler.Throwing(new HttpRequestException("Name or service not known (files.grouplens.org:443)")));
        var e = await Assert.ThrowsAsync<DatasetAcquisitionException>(() => acquirer.FetchAsync(Target));
        Assert.Contains("recsae data fetch ml-1m", e.Message);
        Assert.Contains("recsae data import ml-1m <folder>", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.False(Directory.Exists(Target));
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public async Task Fetch_of_something_that_is_not_a_zip_fails_and_keeps_the_previous_target()
    {
        WritePreviousTarget();
        using var acquirer = new MovieLens1MAcquirer(FakeHandler.Serving("<html>moved</html>"u8.ToArray()));
        var e = await Assert.ThrowsAsync<DatasetAcquisitionException>(() => acquirer.FetchAsync(Target));
        Assert.Contains("zip", e.Message);
        Assert.Equal(["previous.txt"], Directory.GetFiles(Target).Select(Path.GetFileName));
        Assert.Equal(["ml-1m"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void Default_target_is_the_catalog_folder_in_the_dataset_cache()
    {
        var paths = new ProductPaths(Path.Combine(_root, "data"), Path.Combine(_root, "state"));
        Assert.Equal(Path.Combine(paths.DatasetCache, "ml-1m"), MovieLens1MAcquirer.DefaultTarget(paths));
        Assert.Equal(new DatasetCatalog(paths).DefaultFolder("ml-1m"), MovieLens1MAcquirer.DefaultTarget(paths));
    }

    private void WritePreviousTarget()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "previous.txt"), "the copy that was there before");
    }

    public void Dispose()
    {
        _source.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
