using System.CommandLine;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Hosting;

namespace RecSaeExplorer.Cli.Common;

/// <summary>Options every command understands (recursive on the root command).</summary>
public static class GlobalOptions
{
    public static readonly Option<string> Dataset = new("--dataset", "-d")
    {
        Description = "Dataset: ml-latest-small, ml-1m or lastfm.",
        DefaultValueFactory = _ => DatasetCatalog.DefaultName,
        Recursive = true,
    };

    public static readonly Option<DirectoryInfo?> DataDir = new("--data-dir")
    {
        Description = "Read the dataset from this folder instead of its default location.",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> Store = new("--store")
    {
        Description = $"LiteDB store file (default: ${ProductPaths.StoreVariable}, else .recsae/store.db in the checkout).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print results as JSON (field names are documented in the README).",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "On failure, print the full exception, not only its message.",
        Recursive = true,
    };

    public static void AddTo(Command root)
    {
        root.Options.Add(Dataset);
        root.Options.Add(DataDir);
        root.Options.Add(Store);
        root.Options.Add(Json);
        root.Options.Add(Verbose);
    }
}
