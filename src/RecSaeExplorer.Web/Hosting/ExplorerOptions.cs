using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Web.Hosting;

/// <summary>Settings of the explorer, bound from the "Explorer" configuration section.</summary>
public sealed class ExplorerOptions
{
    public const string SectionName = "Explorer";

    /// <summary>The dataset the home page opens with (a catalog name).</summary>
    public string Dataset { get; set; } = DatasetCatalog.DefaultName;

    /// <summary>
    /// Where to read <see cref="Dataset"/> from instead of its default folder (like the CLI's --data-dir);
    /// other datasets are always read from their default folders.
    /// </summary>
    public string? DataDir { get; set; }
}
