namespace RecSaeExplorer.Engine.Runs;

/// <summary>
/// How a workflow reaches the store: the CLI hands over its <see cref="RunStore"/> itself, the explorer
/// its catalog, which serializes calls from every circuit and the training queue.
/// </summary>
public interface IRunStoreAccess
{
    T Use<T>(Func<RunStore, T> action);
}
