namespace RecSaeExplorer.Engine.Runs.Integrity;

/// <summary>Why a store file cannot be used.</summary>
public enum StoreProblem
{
    /// <summary>No file at the path, and the command only reads.</summary>
    Missing,

    /// <summary>A file that is not a store of this product (text, JSON, zip, an empty file, another LiteDB database...).</summary>
    Foreign,

    /// <summary>A store of this product that LiteDB cannot read whole (cut short, a corrupted page).</summary>
    Damaged,

    /// <summary>A store written by a newer version of the product (a schema this one does not know).</summary>
    Newer,

    /// <summary>Another process held the store's lock longer than LiteDB waits.</summary>
    Busy,
}

/// <summary>
/// The store cannot be opened or read; <see cref="Exception.Message"/> is one line saying what the
/// file is and what to do, for the CLI's error line and the explorer's store page.
/// </summary>
public sealed class StoreException(string path, StoreProblem problem, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string StorePath { get; } = path;
    public StoreProblem Problem { get; } = problem;

    internal static StoreException Damaged(string path, string what, Exception? inner = null) => new(path, StoreProblem.Damaged,
        $"The store '{path}' is damaged ({what}); it was left unchanged. 'recsae store check' lists what is lost and " +
        "'recsae store salvage <new file>' copies every intact run into a new store.", inner);

    internal static StoreException Foreign(string path, string what) => new(path, StoreProblem.Foreign,
        $"'{path}' is not a RecSaeExplorer store ({what}); it was left unchanged. Pass --store with a store file, or a path that does not exist yet to create one.");
}
