using System.Text;

namespace RecSaeExplorer.Engine.Runs.Integrity;

/// <summary>
/// Looks at a store file's first page before LiteDB may touch it: LiteDB 5 rewrites a file it does
/// not recognise (it cut a README to one page and emptied a LICENSE) and trims a damaged one to whole
/// pages even on a read-only connection, so anything that is not a whole LiteDB 5 file is refused here.
/// </summary>
public static class StoreFile
{
    /// <summary>LiteDB 5's page size; every data file is a whole number of pages.</summary>
    public const int PageSize = 8192;

    // LiteDB 5 header page layout (LiteDB/Engine/Pages/HeaderPage.cs, BasePage.cs).
    private const int PageTypeOffset = 4;
    private const byte HeaderPageType = 1;
    private const int HeaderInfoOffset = 32;
    private const string HeaderInfo = "** This is a LiteDB file **";
    private const int FileVersionOffset = 59;
    private const byte FileVersion = 8;
    private const int LastPageIdOffset = 64;

    /// <summary>True when nothing is at <paramref name="path"/> yet (a store may be created there).</summary>
    public static bool IsMissing(string path) => !File.Exists(path) && !Directory.Exists(path);

    /// <summary>The LiteDB write-ahead log beside a data file ("store-log.db" for "store.db").</summary>
    public static string LogPath(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    /// <summary>
    /// Throws a <see cref="StoreException"/> unless <paramref name="path"/> holds a whole LiteDB 5 data
    /// file. Reads only; the file is opened with every sharing mode so a running explorer is not disturbed.
    /// </summary>
    public static void EnsureLiteDb(string path)
    {
        if (Directory.Exists(path)) throw StoreException.Foreign(path, "it is a folder");
        var header = new byte[PageSize];
        long length;
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            length = stream.Length;
            read = stream.ReadAtLeast(header, PageSize, throwOnEndOfStream: false);
        }
        if (length == 0) throw StoreException.Foreign(path, "it is an empty file");
        if (read < HeaderInfoOffset + HeaderInfo.Length || Encoding.ASCII.GetString(header, HeaderInfoOffset, HeaderInfo.Length) != HeaderInfo)
            throw StoreException.Foreign(path, $"it is {Describe(header.AsSpan(0, read))}, not a LiteDB database");
        if (header[FileVersionOffset] != FileVersion)
            throw StoreException.Foreign(path, $"a LiteDB database of file format {header[FileVersionOffset]}; this product reads LiteDB 5 files (format {FileVersion})");
        if (header[PageTypeOffset] != HeaderPageType || read < PageSize)
            throw StoreException.Damaged(path, "its header page is damaged");
        if (length % PageSize != 0)
            throw StoreException.Damaged(path, $"{length:N0} bytes is not a whole number of {PageSize:N0}-byte pages: it was cut short");
        // Pages beyond the data file may still wait in the log after a crash mid-checkpoint; LiteDB replays them.
        long pages = BitConverter.ToUInt32(header, LastPageIdOffset) + 1L;
        bool logPending = File.Exists(LogPath(path)) && new FileInfo(LogPath(path)).Length > 0;
        if (!logPending && pages * PageSize > length)
            throw StoreException.Damaged(path, $"its header lists {pages:N0} pages but the file holds {length / PageSize:N0}: it was cut short");
    }

    /// <summary>A few words on what a non-LiteDB file looks like, so the user recognises it.</summary>
    private static string Describe(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("PK\u0003\u0004"u8)) return "a zip archive";
        if (start.StartsWith("SQLite format 3\0"u8)) return "an SQLite database";
        var text = start.StartsWith("\uFEFF"u8) ? start[3..] : start;
        int firstNonSpace = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (text.Contains((byte)0)) return "a binary file";
        if (firstNonSpace >= 0 && text[firstNonSpace] is (byte)'{' or (byte)'[') return "a JSON or text file";
        return "a text file";
    }
}
