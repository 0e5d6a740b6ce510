using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Governance;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Integrity;
using RecSaeExplorer.Engine.Runs.Maintenance;

namespace RecSaeExplorer.Engine.Tests.Runs.Integrity;

public sealed class StoreRecoveryTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    [Fact]
    public void Check_finds_a_healthy_store_healthy()
    {
        var report = StoreCheck.Run(StoreFiles.WithRuns(_folder));
        Assert.True(report.Healthy);
        Assert.Equal(8, report.Intact.Count);
        Assert.Empty(report.Lost);
        Assert.Equal(StoreSchema.Current, report.SchemaVersion);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    public void Check_lists_what_a_cut_lost_and_salvage_keeps_every_intact_run(double share)
    {
        string path = StoreFiles.Truncated(StoreFiles.WithRuns(_folder), share);
        string sha = StoreFiles.Sha(path);
        var report = StoreCheck.Run(path);
        Assert.False(report.Healthy);
        Assert.NotNull(report.Damage);
        Assert.NotEmpty(report.Lost);
        // Run documents sit on the first pages and each run's weights after the previous run's: a cut keeps the runs before it.
        Assert.True(report.Intact.Count >= (int)(share * 8) - 2, $"{report.Intact.Count} intact after a cut at {share:P0}");
        Assert.Equal(8, report.Intact.Count + report.Lost.Count + report.OrphanWeights.Count(o => !report.Lost.Any(l => l.Id == o)));

        string salvaged = Path.Combine(_folder, "salvaged.db");
        var copied = StoreCopy.CopyInto(path, salvaged);
        Assert.Equal(report.Intact.Select(r => r.Id), copied.Intact.Select(r => r.Id));
        Assert.Equal(sha, StoreFiles.Sha(path));
        using var store = new RunStore(salvaged, StoreAccess.Read);
        Assert.Equal(report.Intact.Select(r => r.Id).Order(), store.List().Select(r => r.Id).Order());
        foreach (var run in store.List()) Assert.Equal(StoreFiles.Weights(WeightSeed(run.Id)), store.ReadWeights(run.Id));
        Assert.True(StoreCheck.Run(salvaged).Healthy);
    }

    [Fact]
    public void Check_lists_runs_lost_to_a_corrupted_page()
    {
        string healthy = StoreFiles.WithRuns(_folder);
        int pages = (int)(new FileInfo(healthy).Length / 8192);
        string path = StoreFiles.WithCorruptedPage(healthy, pages / 2);
        var report = StoreCheck.Run(path);
        Assert.False(report.Healthy);
        Assert.True(report.Lost.Count + report.Unreadable.Count > 0);
        Assert.True(report.Intact.Count > 0, "runs away from the damaged page stay intact");
        Assert.All(report.Intact, run => Assert.DoesNotContain(report.Lost, l => l.Id == run.Id));
    }

    [Fact]
    public void Backup_copies_every_run_and_restore_replaces_a_store_keeping_the_old_one()
    {
        string path = StoreFiles.WithRuns(_folder, recommenders: 2);
        using (var store = new RunStore(path)) store.SetNeuronName("sae-mf-0", 3, "Quiet dramas");
        string backup = Path.Combine(_folder, "backup.db");
        Assert.True(StoreCopy.CopyInto(path, backup).Healthy);
        Assert.Throws<IOException>(() => StoreCopy.CopyInto(path, backup));

        using (var store = new RunStore(path)) store.Delete("sae-mf-1");
        Assert.Throws<IOException>(() => StoreCopy.Restore(backup, path, replace: false));
        var (report, previous) = StoreCopy.Restore(backup, path, replace: true);
        Assert.Equal(4, report.Intact.Count);
        Assert.True(File.Exists(previous));
        using var restored = new RunStore(path, StoreAccess.Read);
        Assert.Equal(4, restored.List().Count);
        Assert.Equal("Quiet dramas", restored.NeuronNamesOf("sae-mf-0")[3].Name);
    }

    [Fact]
    public void Backup_keeps_accounts_proposals_and_an_audit_trail_that_still_verifies()
    {
        string path = StoreFiles.WithRuns(_folder, recommenders: 1);
        using (var store = new RunStore(path))
        {
            store.SaveAccount(new Account { UserName = "grace", NormalizedUserName = "GRACE", Role = Roles.Governor });
            store.SaveProposal(new Proposal { Id = "exp-1", Author = "ada", Status = ProposalStatus.Submitted, Submitter = "grace", GuardrailFlagged = 3 });
            store.AppendAudit("ada", "experiment.saved", "exp-1");
            store.AppendAudit("grace", "proposal.submitted", "exp-1", "draft", "submitted");
        }
        string backup = Path.Combine(_folder, "governed-backup.db");

        StoreCopy.CopyInto(path, backup);

        using var copy = new RunStore(backup, StoreAccess.Read);
        Assert.Equal(Roles.Governor, Assert.Single(copy.Accounts()).Role);
        Assert.Equal((ProposalStatus.Submitted, "grace", 3), (copy.FindProposal("exp-1")!.Status, copy.FindProposal("exp-1")!.Submitter, copy.FindProposal("exp-1")!.GuardrailFlagged));
        var trail = copy.AuditTrail();
        Assert.Equal(["experiment.saved", "proposal.submitted"], trail.Select(e => e.Action));
        Assert.Null(AuditChain.Verify(trail)); // null: the chain is unbroken
    }

    [Fact]
    public async Task Backup_while_another_connection_writes_yields_a_store_that_opens()
    {
        string path = StoreFiles.WithRuns(_folder, recommenders: 2);
        using var cts = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            using var store = new RunStore(path);
            for (int i = 10; !cts.IsCancellationRequested && i < 200; i++) store.Save(StoreFiles.Run($"mf-{i}", null), StoreFiles.Weights(i));
        });
        var reports = new List<StoreCheckReport>();
        for (int b = 0; b < 3; b++) reports.Add(StoreCopy.CopyInto(path, Path.Combine(_folder, $"backup-{b}.db")));
        cts.Cancel();
        await writer;
        for (int b = 0; b < 3; b++)
        {
            string backup = Path.Combine(_folder, $"backup-{b}.db");
            Assert.True(StoreCheck.Run(backup).Healthy);
            using var store = new RunStore(backup, StoreAccess.Read);
            Assert.True(store.List().Count >= 4);
            foreach (var run in store.List()) Assert.Equal(StoreFiles.Weights(WeightSeed(run.Id)), store.ReadWeights(run.Id));
        }
    }

    [Fact]
    public void Check_and_backup_refuse_a_foreign_file_unchanged()
    {
        string path = StoreFiles.Foreign(_folder, "text");
        string sha = StoreFiles.Sha(path);
        Assert.Equal(StoreProblem.Foreign, Assert.Throws<StoreException>(() => StoreCheck.Run(path)).Problem);
        Assert.Throws<StoreException>(() => StoreCopy.CopyInto(path, Path.Combine(_folder, "b.db")));
        Assert.False(File.Exists(Path.Combine(_folder, "b.db")));
        Assert.Equal(sha, StoreFiles.Sha(path));
    }

    // mf-i has weights seeded i, sae-mf-i 100 + i (see StoreFiles.WithRuns); mf-i for i >= 10 seeded i.
    private static int WeightSeed(string id) => id.StartsWith("sae-", StringComparison.Ordinal) ? 100 + int.Parse(id[7..]) : int.Parse(id[3..]);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
