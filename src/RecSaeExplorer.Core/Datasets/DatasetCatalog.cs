using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Core.Hosting;

namespace RecSaeExplorer.Core.Datasets;

/// <summary>The datasets the product knows by name, and where each is read from by default.</summary>
public sealed class DatasetCatalog(ProductPaths paths)
{
    public const string DefaultName = MovieLensLatestSmallLoader.DatasetName;

    public IReadOnlyList<IDatasetLoader> Loaders { get; } =
    [
        new MovieLensLatestSmallLoader(),
        new MovieLens1MLoader(),
        new LastFmLoader(),
    ];

    public IEnumerable<string> Names => Loaders.Select(l => l.Name);

    public IDatasetLoader Get(string name) =>
        Loaders.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown dataset '{name}'. Known: {string.Join(", ", Names)}.");

    /// <summary>The folder a dataset is read from when no --data-dir is given.</summary>
    public string DefaultFolder(string name) => Get(name).Name switch
    {
        MovieLens1MLoader.DatasetName => Path.Combine(paths.DatasetCache, MovieLens1MLoader.DatasetName),
        LastFmLoader.DatasetName => Path.Combine(paths.DataRoot, "hetrec2011-lastfm-2k"),
        var other => Path.Combine(paths.DataRoot, other),
    };

    /// <summary>Loads <paramref name="name"/> from <paramref name="dataDir"/> or its default folder.</summary>
    public Dataset Load(string name, string? dataDir = null, CancellationToken cancellationToken = default)
    {
        var loader = Get(name);
        string folder = dataDir ?? DefaultFolder(name);
        // A folder the user named is read as given, so the loader's error names the missing or unreadable file.
        if (dataDir is not null && !Directory.Exists(folder)) throw new DatasetNotFoundException(loader.Name, folder, given: true);
        if (dataDir is null && !loader.IsPresent(folder)) throw new DatasetNotFoundException(loader.Name, folder);
        return loader.Load(folder, cancellationToken);
    }
}

/// <summary>The dataset's files are not in the folder; the message says how to get them.</summary>
public sealed class DatasetNotFoundException(string name, string folder, bool given = false)
    : Exception(given
        ? $"The data folder {folder} given for dataset '{name}' does not exist."
        : name == MovieLens1MLoader.DatasetName
        ? $"ML-1M is not in {folder}: run 'recsae data fetch ml-1m' to download it, or 'recsae data import ml-1m <folder>' to copy a local copy."
        : $"Dataset '{name}' is not in {folder}; read it from another folder with --data-dir (command line) or Explorer:DataDir (explorer).")
{
    public string Name { get; } = name;
    public string Folder { get; } = folder;
}
