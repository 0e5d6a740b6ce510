namespace RecSaeExplorer.Engine.Runs;

/// <summary>
/// Store access that opens the file for each call and closes it after: for a long command (a training
/// of minutes) that must not hold the store open while it computes.
/// </summary>
public sealed class RunStoreFile(string path) : IRunStoreAccess
{
    public T Use<T>(Func<RunStore, T> action)
    {
        using var store = new RunStore(path);
        return action(store);
    }
}
