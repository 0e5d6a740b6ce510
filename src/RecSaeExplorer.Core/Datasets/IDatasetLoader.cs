namespace RecSaeExplorer.Core.Datasets;

/// <summary>Reads one dataset format from a folder into a <see cref="Dataset"/>; all or nothing.</summary>
public interface IDatasetLoader
{
    /// <summary>Catalog name used on the command line, e.g. "ml-1m".</summary>
    string Name { get; }

    /// <summary>One line for listings.</summary>
    string Description { get; }

    /// <summary>True when <paramref name="folder"/> holds the files this loader needs.</summary>
    bool IsPresent(string folder);

    /// <summary>Loads the dataset or throws <see cref="DatasetFormatException"/>; never returns a partial dataset.</summary>
    Dataset Load(string folder, CancellationToken cancellationToken = default);
}
