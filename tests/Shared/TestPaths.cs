namespace RecSaeExplorer.Tests.Shared;

/// <summary>Locations tests read from: the checkout's shipped <c>data/</c> and, when present, <c>../shared/data</c>.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ShippedData => Path.Combine(RepoRoot, "data");

    public static string MovieLensSmall => Path.Combine(ShippedData, "ml-latest-small");

    public static string LastFm => Path.Combine(ShippedData, "hetrec2011-lastfm-2k");

    /// <summary>The read-only ML-1M copy beside the checkout, or null where it is absent (it is never committed).</summary>
    public static string? SharedMl1m
    {
        get
        {
            string folder = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "ml-1m"));
            return File.Exists(Path.Combine(folder, "movies.dat")) ? folder : null;
        }
    }

    /// <summary>A fresh empty folder under the system temp folder; the caller deletes it.</summary>
    public static string NewTempFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "recsae-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RecSaeExplorer.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Tests must run inside a RecSaeExplorer checkout.");
    }
}
