using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LiteDB;
using RecSaeExplorer.Engine.Runs.Integrity;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>
/// Trained runs in an embedded LiteDB file: one document per run in <c>runs</c>, its weights in the
/// file storage under <c>weights/&lt;id&gt;</c>.
/// <para>
/// Saving is atomic: the document and the weights are written in one LiteDB transaction, so a crash
/// leaves the whole run or nothing (LiteDB's log is replayed or discarded on the next open). Weights
/// without a document (left by versions that wrote them in separate steps) are deleted by
/// <see cref="CollectGarbage"/> on every read-write open; <c>recsae store check</c> reports either kind of half run.
/// </para>
/// <para>Opened in LiteDB's shared mode, so the CLI and the web app can use one store file.</para>
/// </summary>
public sealed partial class RunStore : IRunStoreAccess, IDisposable
{
    private const string RunsCollection = "runs";
    private const string WeightsPrefix = "weights/";

    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _runs;

    /// <summary>
    /// Opens the store at <paramref name="path"/>. Only a store of this product is opened (see
    /// <see cref="StoreSchema"/>); a missing path is created for <see cref="StoreAccess.Write"/> only.
    /// With <see cref="StoreAccess.Read"/> nothing is created, migrated or cleaned.
    /// Throws <see cref="StoreException"/> for a missing (read), foreign, damaged or newer store.
    /// </summary>
    public RunStore(string path, StoreAccess access = StoreAccess.Write)
    {
        Path = System.IO.Path.GetFullPath(path);
        Access = access;
        _db = StoreGuard.Run(Path, Open);
        _runs = _db.GetCollection(RunsCollection);
        if (access == StoreAccess.Write)
        {
            StoreGuard.Run(Path, () =>
            {
                _runs.EnsureIndex("kind");
                NeuronNames.EnsureIndex("runId");
                ExperimentsLog.EnsureIndex("runId");
                CollectGarbage();
            });
        }
    }

    /// <summary>
    /// Throws the <see cref="StoreException"/> a later write would, without writing: lets a command
    /// refuse a foreign or damaged store before a long training instead of after it.
    /// </summary>
    public static void EnsureWritable(string path)
    {
        if (StoreFile.IsMissing(System.IO.Path.GetFullPath(path))) return;
        using (new RunStore(path, StoreAccess.Read)) { }
    }

    private LiteDatabase Open()
    {
        if (StoreFile.IsMissing(Path))
        {
            if (Access == StoreAccess.Read)
                throw new StoreException(Path, StoreProblem.Missing, $"There is no store at '{Path}' yet; train a run first ('recsae rec train') or pass --store with an existing store.");
            if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            var created = Connect(StoreAccess.Write);
            StoreSchema.Migrate(created, 0);
            return created;
        }
        StoreFile.EnsureLiteDb(Path);
        // Identify the file on a read-only connection first, so another program's database is never written to.
        var db = Connect(StoreAccess.Read);
        int version;
        try
        {
            version = StoreSchema.Detect(db, Path);
        }
        catch
        {
            db.Dispose();
            throw;
        }
        if (Access == StoreAccess.Read) return db;
        db.Dispose();
        db = Connect(StoreAccess.Write);
        StoreSchema.Migrate(db, version);
        return db;
    }

    private LiteDatabase Connect(StoreAccess access) =>
        new(new ConnectionString { Filename = Path, Connection = ConnectionType.Shared, ReadOnly = access == StoreAccess.Read });

    /// <summary>Whether this store was opened to write.</summary>
    public StoreAccess Access { get; }

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>Test hook: called after the document is written and before the weights are; throw to simulate a crash.</summary>
    internal Action<RunInfo>? BetweenWrites { get; set; }

    /// <summary>Runs, newest first; only those of <paramref name="kind"/> when given.</summary>
    public IReadOnlyList<RunInfo> List(string? kind = null)
    {
        var docs = Guarded(() => (kind is null ? _runs.FindAll() : _runs.Find(Query.EQ("kind", kind))).ToList());
        return docs.Select(RunDocuments.FromBson).OrderByDescending(r => r.CreatedUtc).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The run with this id, or null.</summary>
    public RunInfo? Find(string id) => Guarded(() => _runs.FindById(id)) is { } doc ? RunDocuments.FromBson(doc) : null;

    /// <summary>The run with this id or unique id prefix; throws <see cref="RunNotFoundException"/> otherwise.</summary>
    public RunInfo Get(string idOrPrefix)
    {
        if (Find(idOrPrefix) is { } exact) return exact;
        var matches = Guarded(() => _runs.Find(Query.StartsWith("_id", idOrPrefix)).Take(2).ToList());
        return matches.Count switch
        {
            1 => RunDocuments.FromBson(matches[0]),
            0 => throw new RunNotFoundException(idOrPrefix),
            _ => throw new RunNotFoundException(idOrPrefix, $"Run id prefix '{idOrPrefix}' matches several runs; give more of the id."),
        };
    }

    /// <summary>Stores a run and its weights atomically; returns the run as stored.</summary>
    public RunInfo Save(RunInfo run, ReadOnlyMemory<byte> weights)
    {
        RequireWrite();
        if (Find(run.Id) is not null) throw new InvalidOperationException($"A run '{run.Id}' already exists.");
        var stored = run with { WeightsBytes = weights.Length, WeightsSha256 = Sha256(weights.Span) };
        return Guarded(() => SaveInTransaction(stored, weights));
    }

    private RunInfo SaveInTransaction(RunInfo stored, ReadOnlyMemory<byte> weights)
    {
        _db.BeginTrans();
        try
        {
            // Document first: it then lands on the run list's first pages near the start of the file,
            // where a cut file still holds it (salvage needs the document to use the weights).
            _runs.Insert(RunDocuments.ToBson(stored));
            BetweenWrites?.Invoke(stored);
            using (var source = new MemoryStream(weights.ToArray(), writable: false))
            {
                _db.FileStorage.Upload(WeightsId(stored.Id), $"{stored.Id}.weights", source);
            }
            _db.Commit();
            return stored;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    /// <summary>The stored weights of a run.</summary>
    /// <summary>
    /// A run's document and weights, the store's part of loading a model (the rebuild is <see cref="RebuildRecommender"/> /
    /// <see cref="RebuildSae"/>). Throws when the run is not of <paramref name="kind"/>.
    /// </summary>
    public StoredRun ReadRun(string idOrPrefix, string kind)
    {
        var run = Get(idOrPrefix);
        if (run.Kind != kind) throw new InvalidOperationException($"Run '{run.Id}' is a {run.Kind} run, not {(kind == SaeKind ? "an SAE" : "a recommender")}.");
        return new StoredRun(run, ReadWeights(run.Id));
    }

    public byte[] ReadWeights(string id)
    {
        string fileId = WeightsId(id);
        if (!Guarded(() => _db.FileStorage.Exists(fileId))) throw new RunNotFoundException(id, $"Run '{id}' has no stored weights.");
        using var buffer = new MemoryStream();
        Guarded(() => _db.FileStorage.Download(fileId, buffer));
        return buffer.ToArray();
    }

    /// <summary>Replaces a run's metrics (e.g. after evaluating it again).</summary>
    public RunInfo UpdateMetrics(string id, JsonObject metrics)
    {
        RequireWrite();
        var run = Get(id) with { Metrics = metrics };
        Guarded(() => _runs.Update(RunDocuments.ToBson(run)));
        return run;
    }

    /// <summary>Deletes a run's document and weights together; false when there was no such run.</summary>
    public bool Delete(string id)
    {
        RequireWrite();
        return Guarded(() => DeleteInTransaction(id, refuse: null).Existed);
    }

    /// <summary>
    /// Deletes a run's document, weights and neuron names in one transaction, unless <paramref name="refuse"/>
    /// (read inside the same transaction) says why not; then, or on any failure, nothing is deleted.
    /// </summary>
    private (bool Existed, string? Refusal) DeleteInTransaction(string id, Func<string?>? refuse)
    {
        _db.BeginTrans();
        try
        {
            if (refuse?.Invoke() is { } refusal)
            {
                _db.Rollback();
                return (false, refusal);
            }
            bool existed = _runs.Delete(id);
            _db.FileStorage.Delete(WeightsId(id));
            DeleteNeuronNames(id);
            _db.Commit();
            return (existed, null);
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    /// <summary>Deletes weights that no run document refers to; returns how many.</summary>
    public int CollectGarbage() => Guarded(() =>
    {
        // Materialize before the nested look-ups: in shared mode each call reopens the engine.
        var fileIds = _db.FileStorage.FindAll().Select(f => f.Id).ToList();
        var orphans = fileIds
            .Where(fileId => fileId.StartsWith(WeightsPrefix, StringComparison.Ordinal)
                             && _runs.FindById(fileId[WeightsPrefix.Length..]) is null)
            .ToList();
        foreach (string fileId in orphans) _db.FileStorage.Delete(fileId);
        return orphans.Count;
    });

    private void RequireWrite()
    {
        if (Access != StoreAccess.Write) throw new InvalidOperationException($"The store '{Path}' was opened read-only.");
    }

    /// <summary>Runs a LiteDB call, reporting a failure inside LiteDB as a damaged store.</summary>
    private T Guarded<T>(Func<T> action) => StoreGuard.Run(Path, action);

    /// <summary>A new run id: prefix, UTC time to the second, and 4 random hex digits, e.g. "mf-20260101-120000-3fa2".</summary>
    public static string NewId(string prefix) =>
        $"{prefix}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(2)).ToLowerInvariant()}";

    internal static string WeightsId(string runId) => WeightsPrefix + runId;

    /// <summary>
    /// SHA-256 (lower-case hex) of a run's weights as they are now in the store: what an exported spec or
    /// model pins the exact model by (computed from the bytes, so a tampered file does not pass as the original).
    /// </summary>
    public string WeightsSha256(string runId) => Sha256(ReadWeights(runId));

    internal static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    /// <summary>Test hook: writes weights without a document, as a crash between the two would.</summary>
    internal void WriteOrphanWeights(string runId, byte[] weights)
    {
        using var source = new MemoryStream(weights);
        _db.FileStorage.Upload(WeightsId(runId), $"{runId}.weights", source);
    }

    /// <summary>Adds a run exactly as another store holds it (backup, salvage): document and weights in one transaction.</summary>
    internal void Import(BsonDocument document, byte[] weights) => Guarded(() =>
    {
        _db.BeginTrans();
        try
        {
            string id = document["_id"].AsString;
            _runs.Insert(document);
            using (var source = new MemoryStream(weights, writable: false)) _db.FileStorage.Upload(WeightsId(id), $"{id}.weights", source);
            return _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    });

    /// <summary>Adds a neuron name or experiment document as another store holds it.</summary>
    internal void ImportDocument(string collection, BsonDocument document) => Guarded(() => _db.GetCollection(collection).Upsert(document));

    internal bool HasWeights(string runId) => _db.FileStorage.Exists(WeightsId(runId));

    /// <summary>The store itself is its own access (one process, one caller).</summary>
    public T Use<T>(Func<RunStore, T> action) => action(this);

    public void Dispose() => _db.Dispose();
}
