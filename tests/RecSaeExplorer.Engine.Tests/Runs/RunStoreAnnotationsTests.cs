using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Engine.Tests.Runs;

/// <summary>What people add to runs: neuron names and the experiments audit log.</summary>
public sealed class RunStoreAnnotationsTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    private string StorePath => Path.Combine(_folder, "store.db");

    private static RunInfo Run(string id, string kind) => new()
    {
        Id = id, Kind = kind, Model = kind == RunStore.SaeKind ? "topk" : "mf", DatasetName = "synthetic", DatasetFingerprint = "f",
        ParentRunId = kind == RunStore.SaeKind ? "rec-1" : null, CreatedUtc = DateTime.UtcNow,
    };

    [Fact]
    public void A_neuron_name_is_kept_across_opens_and_a_blank_name_restores_the_label()
    {
        using (var store = new RunStore(StorePath))
        {
            store.Save(Run("sae-1", RunStore.SaeKind), new byte[] { 1 });
            store.SetNeuronName("sae-1", 3, "  Slashers ");
            store.SetNeuronName("sae-1", 5, "Westerns");
        }
        using (var store = new RunStore(StorePath))
        {
            var names = store.NeuronNamesOf("sae-1");
            Assert.Equal(["Slashers", "Westerns"], names.OrderBy(n => n.Key).Select(n => n.Value.Name));
            Assert.Equal(3, names[3].Neuron);
            Assert.Null(store.SetNeuronName("sae-1", 3, " "));
            Assert.Equal([5], store.NeuronNamesOf("sae-1").Keys);
        }
    }

    [Fact]
    public void Names_belong_to_sae_runs_and_go_with_them()
    {
        using var store = new RunStore(StorePath);
        store.Save(Run("rec-1", RunStore.RecommenderKind), new byte[] { 1 });
        store.Save(Run("sae-1", RunStore.SaeKind), new byte[] { 1 });
        Assert.Throws<InvalidOperationException>(() => store.SetNeuronName("rec-1", 0, "x"));
        Assert.Throws<RunNotFoundException>(() => store.SetNeuronName("nope", 0, "x"));
        store.SetNeuronName("sae-1", 0, "Horror");
        store.Delete("sae-1");
        store.Save(Run("sae-1", RunStore.SaeKind), new byte[] { 1 });
        Assert.Empty(store.NeuronNamesOf("sae-1"));
    }

    [Fact]
    public void Experiments_round_trip_newest_first_and_survive_their_run()
    {
        var older = Experiment("exp-1", "sae-1", DateTime.UtcNow.AddMinutes(-5));
        var newer = Experiment("exp-2", "sae-2", DateTime.UtcNow) with { Kind = ExperimentKind.Suppress, ItemId = null, ItemTitle = null, Reached = null,
            Eligible = null, ShareBefore = 0.4, ShareAfter = 0.05 };
        using (var store = new RunStore(StorePath))
        {
            store.Save(Run("sae-1", RunStore.SaeKind), new byte[] { 1 });
            store.SaveExperiment(older);
            store.SaveExperiment(newer);
            store.Delete("sae-1");
        }
        using var reopened = new RunStore(StorePath);
        var all = reopened.Experiments();
        Assert.Equal(["exp-2", "exp-1"], all.Select(e => e.Id));
        Assert.Equal(Truncated(older), Truncated(all[1]));
        Assert.Equal(Truncated(newer), Truncated(all[0]));
        Assert.Equal(["exp-1"], reopened.Experiments("sae-1").Select(e => e.Id));
        Assert.Equal(0.75, reopened.FindExperiment("exp-1")!.ReachShare);
        Assert.Null(reopened.FindExperiment("exp-9"));
    }

    [Fact]
    public void An_experiment_needs_an_author()
    {
        using var store = new RunStore(StorePath);
        Assert.Throws<ArgumentException>(() => store.SaveExperiment(Experiment("exp-1", "sae-1", DateTime.UtcNow) with { Author = " " }));
        Assert.Empty(store.Experiments());
    }

    [Fact]
    public void A_dose_curve_is_stored_and_read_back_and_older_entries_have_none()
    {
        using var store = new RunStore(StorePath);
        DosePoint[] curve = [new(0, 0, 0), new(0.25, 3, 2), new(0.5, 7.5, null)];
        store.SaveExperiment(Experiment("exp-1", "sae-1", DateTime.UtcNow) with { DoseCurve = curve });
        store.SaveExperiment(Experiment("exp-2", "sae-1", DateTime.UtcNow));

        Assert.Equal(curve, store.FindExperiment("exp-1")!.DoseCurve);
        Assert.Null(store.FindExperiment("exp-2")!.DoseCurve);
        string row = ExperimentCsv.ToText([store.FindExperiment("exp-1")!]).Split('\n')[1];
        Assert.EndsWith(",0:0/0 0.25:3/2 0.5:7.5", row.TrimEnd('\r'));
    }

    [Fact]
    public void Csv_export_has_one_row_per_experiment_with_dataset_ids()
    {
        var e = Experiment("exp-1", "sae-1", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)) with { Note = "demo, with a comma" };
        string[] lines = ExperimentCsv.ToText([e]).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(2, lines.Length);
        string[] header = lines[0].Split(',');
        Assert.Equal("Id", header[0]);
        Assert.Contains("ItemId", header);
        Assert.StartsWith("exp-1,2026-01-02T03:04:05.0000000Z,ana,sae-1,ml-1m,promote,1,Toy Story (1995),7,Children's,2.5,set,facet:Children's:50,50,30,40,,,", lines[1]);
        Assert.Contains("\"demo, with a comma\"", lines[1]);
    }

    private static Experiment Experiment(string id, string run, DateTime created) => new()
    {
        Id = id, RunId = run, DatasetName = "ml-1m", Kind = ExperimentKind.Promote, ItemId = 1, ItemTitle = "Toy Story (1995)", Neuron = 7,
        NeuronLabel = "Children's", Level = 2.5, Mode = "set", Audience = "facet:Children's:50", AudienceDescription = "50 Children's fans",
        AudienceSize = 50, Reached = 30, Eligible = 40, Summary = "reached 30 of 40 (75%)", Author = "ana", CreatedUtc = created,
        State = "run=sae-1&item=1&neuron=7&level=2.5",
    };

    // LiteDB keeps milliseconds.
    private static Experiment Truncated(Experiment e) => e with { CreatedUtc = e.CreatedUtc.AddTicks(-(e.CreatedUtc.Ticks % TimeSpan.TicksPerMillisecond)) };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
