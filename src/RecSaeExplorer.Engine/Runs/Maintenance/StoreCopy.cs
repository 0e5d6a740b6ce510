using RecSaeExplorer.Engine.Runs.Integrity;

namespace RecSaeExplorer.Engine.Runs.Maintenance;

/// <summary>
/// Backup, salvage and restore, all one operation: copy every intact run (document and weights, each
/// run in one transaction), the names of their neurons, and every readable document of the collections
/// that are not runs (experiments, proposals, accounts, the audit trail, with their ids, so the audit's
/// hash chain still verifies) into a brand-new store. The source is only read (read-only connections, shared with a running explorer or CLI); the
/// copy is written beside the target as "*.partial", flushed to disk and renamed into place, so a
/// target path never holds half a copy.
/// <para>
/// Consistency: runs are listed once; a run saved after that is not in the copy, a run deleted
/// meanwhile is left out, every run in the copy is whole (weights never change after a save).
/// </para>
/// </summary>
public static class StoreCopy
{
    /// <summary>Copies <paramref name="source"/> (healthy or damaged) into a new store at <paramref name="target"/>, which must not exist.</summary>
    public static StoreCheckReport CopyInto(string source, string target)
    {
        target = Path.GetFullPath(target);
        if (!StoreFile.IsMissing(target)) throw new IOException($"'{target}' already exists; give a path that does not exist yet.");
        string partial = target + ".partial";
        DeleteStoreFiles(partial);
        StoreCheckReport report;
        try
        {
            using (var reader = new TolerantReader(source))
            using (var copy = new RunStore(partial, StoreAccess.Write))
            {
                report = StoreCheck.Run(reader, copy.Import);
                var kept = report.Intact.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var name in reader.ReadAll("neuron_names").Docs.Values.Where(n => kept.Contains(n["runId"].AsString)))
                    copy.ImportDocument("neuron_names", name);
                foreach (string collection in StoreSchema.RecordCollections)
                {
                    foreach (var document in reader.ReadAll(collection).Docs.Values) copy.ImportDocument(collection, document);
                }
            }
            Flush(partial);
            File.Move(partial, target);
        }
        finally
        {
            DeleteStoreFiles(partial);
        }
        return report;
    }

    /// <summary>
    /// Replaces the store at <paramref name="store"/> by a copy of <paramref name="backup"/>. An existing
    /// store is only replaced with <paramref name="replace"/>, and is then kept beside it as
    /// "&lt;name&gt;.replaced-&lt;UTC time&gt;&lt;ext&gt;". Returns the report and where the old store went.
    /// </summary>
    public static (StoreCheckReport Report, string? Previous) Restore(string backup, string store, bool replace)
    {
        using (new RunStore(backup, StoreAccess.Read)) { } // a backup must be a whole store of this product
        store = Path.GetFullPath(store);
        bool exists = !StoreFile.IsMissing(store);
        if (exists && !replace) throw new IOException($"The store '{store}' exists; pass --replace to replace it (it is kept beside the restored one).");
        if (File.Exists(StoreFile.LogPath(store)) && new FileInfo(StoreFile.LogPath(store)).Length > 0)
            throw new IOException($"The store '{store}' is in use (its write-ahead log is not empty); stop the explorer and other commands, then restore.");
        string staged = store + ".restoring";
        DeleteStoreFiles(staged);
        var report = CopyInto(backup, staged);
        string? previous = null;
        if (exists)
        {
            previous = Path.Combine(Path.GetDirectoryName(store)!,
                $"{Path.GetFileNameWithoutExtension(store)}.replaced-{DateTime.UtcNow:yyyyMMdd-HHmmss}{Path.GetExtension(store)}");
            File.Move(store, previous);
        }
        File.Move(staged, store);
        return (report, previous);
    }

    private static void Flush(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        stream.Flush(flushToDisk: true);
    }

    private static void DeleteStoreFiles(string path)
    {
        File.Delete(path);
        File.Delete(StoreFile.LogPath(path));
    }
}
