using LiteDB;
using RecSaeExplorer.Engine.Runs.Integrity;

namespace RecSaeExplorer.Engine.Runs.Maintenance;

/// <summary>
/// Reads whatever is still readable from a store, healthy or damaged, without ever writing to it.
/// A damaged file is read through a private copy padded to whole pages (LiteDB would otherwise trim
/// the original), and every read opens its own read-only connection, because after a failed read
/// LiteDB 5 disposes the engine and every later call fails with "This engine instance already disposed".
/// </summary>
internal sealed class TolerantReader : IDisposable
{
    private readonly string _readPath;
    private readonly string? _copyFolder;

    public TolerantReader(string path)
    {
        StorePath = Path.GetFullPath(path);
        if (StoreFile.IsMissing(StorePath)) throw new StoreException(StorePath, StoreProblem.Missing, $"There is no store at '{StorePath}'.");
        try
        {
            StoreFile.EnsureLiteDb(StorePath);
            _readPath = StorePath;
        }
        catch (StoreException e) when (e.Problem == StoreProblem.Damaged)
        {
            Damage = e.Message;
            _copyFolder = Directory.CreateTempSubdirectory("recsae-salvage-").FullName;
            _readPath = PaddedCopy(StorePath, _copyFolder);
        }
        // Identify the file (refuses another program's database) on the copy when there is one.
        SchemaVersion = With(db => StoreSchema.Detect(db, StorePath), out string? error);
        if (error is not null) Damage ??= $"The store's collections cannot be read ({error}).";
    }

    public string StorePath { get; }

    /// <summary>What made the file unreadable as a whole, or null when it opens normally.</summary>
    public string? Damage { get; }

    public int SchemaVersion { get; }

    /// <summary>Runs <paramref name="read"/> on a fresh read-only connection; a failure comes back as <paramref name="error"/>.</summary>
    public T? With<T>(Func<LiteDatabase, T> read, out string? error)
    {
        error = null;
        try
        {
            using var db = new LiteDatabase(new ConnectionString
            {
                Filename = _readPath, ReadOnly = true,
                // The original may be in use by the explorer; a private copy is ours alone.
                Connection = _copyFolder is null ? ConnectionType.Shared : ConnectionType.Direct,
            });
            return read(db);
        }
        catch (Exception ex) when (ex is not StoreException)
        {
            error = ex.Message.ReplaceLineEndings(" ");
            return default;
        }
    }

    /// <summary>Documents of a collection by id, as far as they can be enumerated, plus the error that stopped the enumeration.</summary>
    public (Dictionary<string, BsonDocument> Docs, string? Error) ReadAll(string collection)
    {
        var docs = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        With(db =>
        {
            if (!db.CollectionExists(collection)) return 0;
            // Collect one by one so the documents before a damaged page are kept.
            // Keyed by the id's text: runs have string ids, the audit trail numeric ones.
            foreach (var doc in db.GetCollection(collection).FindAll()) docs[doc["_id"].IsString ? doc["_id"].AsString : doc["_id"].ToString()] = doc;
            return 0;
        }, out string? error);
        return (docs, error);
    }

    public BsonDocument? FindById(string collection, string id) => With(db => db.GetCollection(collection).FindById(id), out _);

    /// <summary>Ids of the files in LiteDB's file storage, as far as they can be enumerated.</summary>
    public (List<string> Ids, string? Error) FileIds()
    {
        var ids = new List<string>();
        With(db =>
        {
            foreach (var file in db.FileStorage.FindAll()) ids.Add(file.Id);
            return 0;
        }, out string? error);
        return (ids, error);
    }

    /// <summary>A file's whole content, or null with the reason.</summary>
    public byte[]? ReadFile(string fileId, out string? error) => With(db =>
    {
        if (!db.FileStorage.Exists(fileId)) throw new FileNotFoundException("no stored weights");
        using var buffer = new MemoryStream();
        db.FileStorage.Download(fileId, buffer);
        return buffer.ToArray();
    }, out error);

    /// <summary>
    /// Stored files rebuilt from LiteDB's chunk collection, for when the file list itself is lost (its
    /// page lies after the first run's weights, so a cut file often loses it): chunks of a file in order,
    /// null where one is missing. Checked against the run document's size and checksum afterwards.
    /// </summary>
    public Dictionary<string, byte[]?> FilesFromChunks()
    {
        var chunks = new Dictionary<string, SortedDictionary<int, byte[]>>(StringComparer.Ordinal);
        With(db =>
        {
            foreach (var chunk in db.GetCollection("_chunks").FindAll())
            {
                var id = chunk["_id"].AsDocument;
                string file = id["f"].AsString;
                if (!chunks.TryGetValue(file, out var parts)) chunks[file] = parts = [];
                parts[id["n"].AsInt32] = chunk["data"].AsBinary;
            }
            return 0;
        }, out _);
        return chunks.ToDictionary(c => c.Key, c => c.Value.Keys.SequenceEqual(Enumerable.Range(0, c.Value.Count))
            ? c.Value.Values.SelectMany(b => b).ToArray()
            : null, StringComparer.Ordinal);
    }

    private static string PaddedCopy(string source, string folder)
    {
        string copy = Path.Combine(folder, "store.db");
        File.Copy(source, copy);
        string log = StoreFile.LogPath(source);
        if (File.Exists(log)) File.Copy(log, StoreFile.LogPath(copy));
        using var stream = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite);
        var header = new byte[StoreFile.PageSize];
        int read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        long listed = read >= 68 ? (BitConverter.ToUInt32(header, 64) + 1L) * StoreFile.PageSize : 0;
        long whole = (stream.Length + StoreFile.PageSize - 1) / StoreFile.PageSize * StoreFile.PageSize;
        // Missing pages read back as empty pages: what lived on them is reported lost, the rest stays readable.
        stream.SetLength(Math.Max(listed, whole));
        return copy;
    }

    public void Dispose()
    {
        if (_copyFolder is not null) Directory.Delete(_copyFolder, recursive: true);
    }
}
