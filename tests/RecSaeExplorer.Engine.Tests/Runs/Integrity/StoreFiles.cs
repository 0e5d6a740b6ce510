using System.IO.Compression;
using System.Security.Cryptography;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Engine.Tests.Runs.Integrity;

/// <summary>Store files for the safety tests: stores with fake runs, damaged copies and foreign files.</summary>
internal static class StoreFiles
{
    public static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>A store with <paramref name="recommenders"/> recommender runs, each with one SAE; weights of ~120 KB (15 pages) each.</summary>
    public static string WithRuns(string folder, int recommenders = 4, string name = "store.db")
    {
        string path = Path.Combine(folder, name);
        using var store = new RunStore(path);
        for (int i = 0; i < recommenders; i++)
        {
            store.Save(Run($"mf-{i}", null), Weights(i));
            store.Save(Run($"sae-mf-{i}", $"mf-{i}"), Weights(100 + i));
        }
        return path;
    }

    public static RunInfo Run(string id, string? parent) => new()
    {
        Id = id, Kind = parent is null ? RunStore.RecommenderKind : RunStore.SaeKind, Model = "mf", DatasetName = "synthetic",
        DatasetFingerprint = "f", ParentRunId = parent, CreatedUtc = DateTime.UtcNow,
    };

    public static byte[] Weights(int seed)
    {
        var bytes = new byte[120_000];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A copy of <paramref name="path"/> cut to <paramref name="share"/> of its length.</summary>
    public static string Truncated(string path, double share)
    {
        var bytes = File.ReadAllBytes(path);
        string copy = Path.Combine(Path.GetDirectoryName(path)!, $"cut-{share * 100:F0}.db");
        File.WriteAllBytes(copy, bytes[..(int)(bytes.Length * share)]);
        return copy;
    }

    /// <summary>A copy of <paramref name="path"/> with page <paramref name="page"/> overwritten by garbage.</summary>
    public static string WithCorruptedPage(string path, int page)
    {
        var bytes = File.ReadAllBytes(path);
        new Random(7).NextBytes(bytes.AsSpan(page * 8192, 8192));
        string copy = Path.Combine(Path.GetDirectoryName(path)!, $"corrupt-{page}.db");
        File.WriteAllBytes(copy, bytes);
        return copy;
    }

    /// <summary>Foreign files by kind: text, JSON, empty, zip, binary.</summary>
    public static string Foreign(string folder, string kind)
    {
        string path = Path.Combine(folder, $"foreign-{kind}");
        switch (kind)
        {
            case "text": File.WriteAllText(path, string.Concat(Enumerable.Repeat("# Notes\nA README-like text file.\n", 500))); break;
            case "json": File.WriteAllText(path, """{ "runs": [ { "id": "mf-1" } ] }"""); break;
            case "empty": File.WriteAllBytes(path, []); break;
            case "zip":
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
                using (var writer = new StreamWriter(zip.CreateEntry("store.db").Open())) writer.Write(new string('x', 20_000));
                break;
            case "binary": File.WriteAllBytes(path, Weights(3)); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
        return path;
    }
}
