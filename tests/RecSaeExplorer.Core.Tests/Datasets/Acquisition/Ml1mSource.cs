using System.IO.Compression;
using RecSaeExplorer.Core.Datasets.Acquisition;

namespace RecSaeExplorer.Core.Tests.Datasets.Acquisition;

/// <summary>
/// A source copy of ML-1M for acquisition tests: the shared read-only copy when it is there (with the
/// official counts), otherwise the small synthetic folder (with its own counts), so the acquisition
/// logic is tested either way.
/// </summary>
internal sealed class Ml1mSource : IDisposable
{
    private readonly DatasetFiles? _synthetic;

    public Ml1mSource()
    {
        if (TestPaths.SharedMl1m is { } shared)
        {
            Folder = shared;
            Expected = MovieLens1MCounts.Official;
        }
        else
        {
            _synthetic = DatasetFiles.Ml1m();
            _synthetic.Write("README", "synthetic ml-1m for tests\n");
            Folder = _synthetic.Folder;
            Expected = new MovieLens1MCounts(4, 2, 3);
        }
    }

    public string Folder { get; }
    public MovieLens1MCounts Expected { get; }

    /// <summary>A zip laid out like GroupLens' ml-1m.zip: a directory entry and the files under ml-1m/.</summary>
    public byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("ml-1m/");
            foreach (string file in Directory.GetFiles(Folder).Order(StringComparer.Ordinal))
                zip.CreateEntryFromFile(file, "ml-1m/" + Path.GetFileName(file), CompressionLevel.Fastest);
        }
        return buffer.ToArray();
    }

    public void Dispose() => _synthetic?.Dispose();
}
