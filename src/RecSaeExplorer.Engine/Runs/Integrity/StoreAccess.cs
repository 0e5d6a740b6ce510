namespace RecSaeExplorer.Engine.Runs.Integrity;

/// <summary>How a command uses the store: reading never creates, migrates or repairs anything.</summary>
public enum StoreAccess
{
    /// <summary>A LiteDB read-only connection; a missing store is an error, nothing is written.</summary>
    Read,

    /// <summary>A shared read-write connection; a missing store is created with the product's marker.</summary>
    Write,
}
