using System.IO.Compression;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Core.Hosting;

namespace RecSaeExplorer.Core.Datasets.Acquisition;

/// <summary>
/// Puts ML-1M (which may not be redistributed, so is never committed) into the dataset cache: by
/// importing a local copy or by downloading GroupLens' official zip. Either way the files are staged
/// beside the target, verified by loading them with <see cref="MovieLens1MLoader"/> and checking the
/// counts, and only then moved into place; a failure leaves any previous target untouched.
/// </summary>
public sealed class MovieLens1MAcquirer : IDisposable
{
    public static readonly Uri OfficialUrl = new("https://files.grouplens.org/datasets/movielens/ml-1m.zip");

    /// <summary>The two ways to get ML-1M, for messages.</summary>
    public const string Ways = "'recsae data fetch ml-1m' needs network access; with a local copy of ml-1m, run 'recsae data import ml-1m <folder>' instead.";

    /// <summary>The files of ml-1m the product keeps (the README holds the licence).</summary>
    private static readonly string[] KeptFiles =
    [
        MovieLens1MLoader.MoviesFile, MovieLens1MLoader.UsersFile, MovieLens1MLoader.RatingsFile,
        MovieLens1MLoader.RatingsWithoutTimestampsFile, "README",
    ];

    private const long MaxEntryBytes = 256L << 20; // the real files are < 25 MB; refuses zip bombs
    private const long ProgressStep = 1L << 20;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly MovieLens1MLoader _loader = new();

    /// <summary>Downloads with its own <see cref="HttpClient"/>.</summary>
    public MovieLens1MAcquirer() : this(new HttpClient(), ownsHttp: true) { }

    /// <summary>Downloads through <paramref name="handler"/> (tests pass a fake).</summary>
    public MovieLens1MAcquirer(HttpMessageHandler handler) : this(new HttpClient(handler), ownsHttp: true) { }

    /// <summary>Downloads with the caller's client, which stays the caller's to dispose.</summary>
    public MovieLens1MAcquirer(HttpClient http) : this(http, ownsHttp: false) { }

    private MovieLens1MAcquirer(HttpClient http, bool ownsHttp)
    {
        _http = http;
        _ownsHttp = ownsHttp;
    }

    /// <summary>What a copy must hold to be accepted (tests substitute small data).</summary>
    internal MovieLens1MCounts Expected { get; init; } = MovieLens1MCounts.Official;

    /// <summary>Where ML-1M goes unless told otherwise: the catalog's default folder for it.</summary>
    public static string DefaultTarget(ProductPaths paths) => new DatasetCatalog(paths).DefaultFolder(MovieLens1MLoader.DatasetName);

    /// <summary>Copies the ML-1M files of <paramref name="sourceFolder"/> into <paramref name="targetFolder"/> once the copy verifies.</summary>
    /// <returns>The verified dataset.</returns>
    public async Task<Dataset> ImportAsync(string sourceFolder, string targetFolder, CancellationToken cancellationToken = default)
    {
        if (!_loader.IsPresent(sourceFolder))
            throw new DatasetAcquisitionException($"{sourceFolder} does not hold ML-1M: expected movies.dat, users.dat and ratings.dat (or ratings_without_timestamps.dat).");
        using var staging = new StagingFolder(targetFolder);
        foreach (string name in KeptFiles)
        {
            string source = Path.Combine(sourceFolder, name);
            if (!File.Exists(source)) continue;
            await using var from = File.OpenRead(source);
            await using var to = File.Create(Path.Combine(staging.Content, name));
            await from.CopyToAsync(to, cancellationToken);
        }
        var dataset = await VerifyAsync(staging.Content, sourceFolder, cancellationToken);
        staging.Commit();
        return dataset;
    }

    /// <summary>Downloads <see cref="OfficialUrl"/>, extracts and verifies it, and moves it into <paramref name="targetFolder"/>.</summary>
    /// <returns>The verified dataset.</returns>
    /// <exception cref="DatasetAcquisitionException">No network, a bad download, or a copy that does not verify.</exception>
    public async Task<Dataset> FetchAsync(string targetFolder, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var staging = new StagingFolder(targetFolder);
        string zip = Path.Combine(staging.Root, "ml-1m.zip");
        await DownloadAsync(zip, progress, cancellationToken);
        Extract(zip, staging.Content);
        var dataset = await VerifyAsync(staging.Content, OfficialUrl.ToString(), cancellationToken);
        staging.Commit();
        return dataset;
    }

    private async Task DownloadAsync(string path, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(OfficialUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            long? total = response.Content.Headers.ContentLength;
            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var target = File.Create(path);
            await CopyWithProgressAsync(source, target, total, progress, cancellationToken);
        }
        catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
        {
            throw new DatasetAcquisitionException($"Could not download ML-1M from {OfficialUrl} ({OneLine(e.Message)}). {Ways}", e);
        }
    }

    private static async Task CopyWithProgressAsync(Stream source, Stream target, long? total, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[81_920];
        long received = 0, reported = 0;
        progress?.Report(new DownloadProgress(0, total));
        for (int read; (read = await source.ReadAsync(buffer, cancellationToken)) > 0;)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            received += read;
            if (received - reported < ProgressStep) continue;
            reported = received;
            progress?.Report(new DownloadProgress(received, total));
        }
        if (reported != received) progress?.Report(new DownloadProgress(received, total));
    }

    /// <summary>Extracts the kept files by name from wherever they sit (the official zip has them under ml-1m/).</summary>
    private static void Extract(string zipPath, string folder)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            foreach (var entry in zip.Entries)
            {
                if (!KeptFiles.Contains(entry.Name, StringComparer.Ordinal)) continue;
                if (entry.Length > MaxEntryBytes) throw new InvalidDataException($"{entry.FullName} is implausibly large ({entry.Length:N0} bytes).");
                string target = Path.Combine(folder, entry.Name); // by name only: no path from the archive is trusted
                if (File.Exists(target)) throw new InvalidDataException($"The archive holds {entry.Name} twice.");
                entry.ExtractToFile(target);
            }
        }
        catch (InvalidDataException e)
        {
            throw new DatasetAcquisitionException($"The download from {OfficialUrl} is not a usable ML-1M zip ({OneLine(e.Message)}).", e);
        }
    }

    private async Task<Dataset> VerifyAsync(string folder, string origin, CancellationToken cancellationToken)
    {
        Dataset dataset;
        try
        {
            dataset = await Task.Run(() => _loader.Load(folder, cancellationToken), cancellationToken);
        }
        catch (DatasetFormatException e)
        {
            throw new DatasetAcquisitionException($"The ML-1M copy from {origin} is damaged: {e.Message}", e);
        }
        var found = MovieLens1MCounts.Of(dataset);
        if (found != Expected)
            throw new DatasetAcquisitionException($"The ML-1M copy from {origin} is incomplete or another dataset: it has {found}, ML-1M has {Expected}.");
        return dataset;
    }

    private static bool IsNetworkFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or HttpIOException
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested); // HttpClient's timeout

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
