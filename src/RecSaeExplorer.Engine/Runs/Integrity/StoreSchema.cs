using LiteDB;

namespace RecSaeExplorer.Engine.Runs.Integrity;

/// <summary>
/// The marker that makes a LiteDB file a store of this product: one document in <c>recsae_schema</c>
/// with the product name and the schema version of its documents. Stores written before the marker
/// existed (version 0: the product's collections, no marker) are adopted by the first writer.
/// </summary>
public static class StoreSchema
{
    public const string Collection = "recsae_schema";
    public const string Product = "RecSaeExplorer";

    /// <summary>The schema this build writes. Bump it with a step in <see cref="Steps"/> when documents change.</summary>
    public const int Current = 1;

    private const string MarkerId = "store";

    /// <summary>Collections only this product creates; any of them marks an unversioned (version 0) store.</summary>
    internal static readonly string[] ProductCollections = ["runs", "neuron_names", "experiments", "proposals", "accounts", "audit"];

    /// <summary>Collections of records that are not runs: copied whole by backup, salvage and restore.</summary>
    internal static readonly string[] RecordCollections = ["experiments", "proposals", "accounts", "audit"];

    /// <summary>Migration steps: <c>Steps[v]</c> takes a store from version v to v + 1, inside one transaction.</summary>
    internal static readonly IReadOnlyList<Action<LiteDatabase>> Steps =
    [
        _ => { }, // 0 → 1: nothing to rewrite; the marker written after the last step is the whole change
    ];

    /// <summary>
    /// The schema version of an open store (0 for an unversioned store of this product). Throws when
    /// the file is another program's LiteDB database or comes from a newer version of this product.
    /// </summary>
    public static int Detect(LiteDatabase db, string path)
    {
        var names = db.GetCollectionNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Contains(Collection) && db.GetCollection(Collection).FindById(MarkerId) is { } marker)
        {
            if (marker["product"].AsString != Product) throw StoreException.Foreign(path, $"a store of '{marker["product"].AsString}'");
            int version = marker["version"].AsInt32;
            if (version > Current)
                throw new StoreException(path, StoreProblem.Newer,
                    $"The store '{path}' was written by a newer RecSaeExplorer (schema {version}; this one knows up to {Current}); it was left unchanged. Update RecSaeExplorer.");
            return version;
        }
        if (ProductCollections.Any(names.Contains)) return 0;
        throw StoreException.Foreign(path, names.Count == 0
            ? "an empty LiteDB database without the product's marker"
            : $"a LiteDB database of another program, with collections {string.Join(", ", names.Order(StringComparer.Ordinal))}");
    }

    /// <summary>Brings a store from <paramref name="version"/> to <see cref="Current"/> and writes the marker; a new store starts at 0.</summary>
    public static void Migrate(LiteDatabase db, int version)
    {
        if (version == Current) return;
        db.BeginTrans();
        try
        {
            for (int v = version; v < Current; v++) Steps[v](db);
            db.GetCollection(Collection).Upsert(new BsonDocument
            {
                ["_id"] = MarkerId, ["product"] = Product, ["version"] = Current,
                ["migratedFrom"] = version, ["updatedUtc"] = DateTime.UtcNow,
            });
            db.Commit();
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }
}
