using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae;

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

    /// <summary>The LiteDB run store; null means the product default (<c>RECSAE_STORE</c>, else store.db in the state folder).</summary>
    public string? StorePath { get; set; }

    /// <summary>
    /// On start, train in the background what the first pages and the home page's demo cards need and the store
    /// lacks: on <see cref="Dataset"/> an MF recommender (<see cref="DefaultRecommenderPreset"/>), a quick SAE
    /// (<see cref="QuickSaePreset"/>) and the default SAE (<see cref="DefaultSaePreset"/>); on <see cref="DemoDataset"/>
    /// the recommender and the default SAE. Each is queued only when no run of its dataset (and SAE preset) is stored.
    /// </summary>
    public bool TrainDefaultRunOnStart { get; set; } = true;

    public string DefaultRecommenderPreset { get; set; } = RecommenderPresets.Tuned;

    /// <summary>
    /// SAE preset of the default run, the one pages open first (the newest run); empty skips it. <c>compact</c>
    /// reproduces the recommender's lists far better than <c>paper</c> (docs/decisions.md: first run).
    /// </summary>
    public string DefaultSaePreset { get; set; } = SaePresets.Compact;

    /// <summary>An SAE preset trained before the default one because it takes seconds, so pages are usable within a minute; empty skips it.</summary>
    public string QuickSaePreset { get; set; } = SaePresets.Paper;

    /// <summary>A second dataset trained after the default run for the home page's demo (the Bob Dylan promotion on Last.FM); empty skips it.</summary>
    public string DemoDataset { get; set; } = LastFmLoader.DatasetName;

    /// <summary>
    /// The labs' fidelity guardrail: users whose top-30 under the SAE's reconstruction agrees with their real
    /// top-30 below this RBO (p = 0.9) are flagged, because an edit decoded through it is not trustworthy.
    /// </summary>
    public double GuardrailRbo { get; set; } = 0.5;

    /// <summary>How many lab audiences (cached baselines) are kept in memory across all runs.</summary>
    public int CachedAudiences { get; set; } = 32;

    /// <summary>Opened SAE runs kept in memory when no page holds them (each: its SAE, codes and profiles).</summary>
    public int CachedSaeRuns { get; set; } = 6;

    /// <summary>Loaded recommenders kept in memory beyond those an opened SAE run or a training holds.</summary>
    public int CachedRecommenders { get; set; } = 2;

    /// <summary>
    /// Heavy lab computations (level sweeps, user-lab re-ranks) one person may have running at once, across their tabs;
    /// anonymous viewers count per browser session. 2 lets a person compare two tabs; on a 2-core server 50 sessions
    /// share the cores anyway, so a higher cap only lets one person crowd out the others.
    /// </summary>
    public int MaxConcurrentLabWorkPerUser { get; set; } = 2;
}
