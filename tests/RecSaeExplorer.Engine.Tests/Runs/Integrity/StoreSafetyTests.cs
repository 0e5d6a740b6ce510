using LiteDB;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Integrity;

namespace RecSaeExplorer.Engine.Tests.Runs.Integrity;

public sealed class StoreSafetyTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    [Theory]
    [InlineData("text", StoreAccess.Read)]
    [InlineData("text", StoreAccess.Write)]
    [InlineData("json", StoreAccess.Read)]
    [InlineData("json", StoreAccess.Write)]
    [InlineData("empty", StoreAccess.Read)]
    [InlineData("empty", StoreAccess.Write)]
    [InlineData("zip", StoreAccess.Read)]
    [InlineData("zip", StoreAccess.Write)]
    [InlineData("binary", StoreAccess.Write)]
    public void Foreign_files_are_refused_byte_for_byte_unchanged(string kind, StoreAccess access)
    {
        string path = StoreFiles.Foreign(_folder, kind);
        string sha = StoreFiles.Sha(path);
        var error = Assert.Throws<StoreException>(() => new RunStore(path, access));
        Assert.Equal(StoreProblem.Foreign, error.Problem);
        Assert.Contains(path, error.Message);
        Assert.Contains("not a RecSaeExplorer store", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(sha, StoreFiles.Sha(path));
        Assert.False(File.Exists(StoreFile.LogPath(path)));
    }

    [Fact]
    public void Another_programs_LiteDB_database_is_refused_unchanged()
    {
        string path = Path.Combine(_folder, "other.db");
        using (var db = new LiteDatabase(path)) db.GetCollection("customers").Insert(new BsonDocument { ["name"] = "Ada" });
        string sha = StoreFiles.Sha(path);
        var error = Assert.Throws<StoreException>(() => new RunStore(path));
        Assert.Equal(StoreProblem.Foreign, error.Problem);
        Assert.Contains("customers", error.Message);
        Assert.Equal(sha, StoreFiles.Sha(path));
    }

    [Fact]
    public void A_folder_is_refused() =>
        Assert.Equal(StoreProblem.Foreign, Assert.Throws<StoreException>(() => new RunStore(_folder)).Problem);

    [Fact]
    public void Reading_a_missing_store_creates_nothing()
    {
        string path = Path.Combine(_folder, "sub", "store.db");
        var error = Assert.Throws<StoreException>(() => new RunStore(path, StoreAccess.Read));
        Assert.Equal(StoreProblem.Missing, error.Problem);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void A_new_store_gets_the_marker_with_the_current_schema()
    {
        string path = Path.Combine(_folder, "new", "store.db");
        using (new RunStore(path)) { }
        using var db = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true });
        var marker = db.GetCollection(StoreSchema.Collection).FindById("store");
        Assert.Equal(StoreSchema.Product, marker["product"].AsString);
        Assert.Equal(StoreSchema.Current, marker["version"].AsInt32);
    }

    [Fact]
    public void A_store_without_the_marker_is_read_as_is_and_adopted_by_the_first_writer()
    {
        // A store as versions before the marker wrote it: the product's collections only.
        string path = Path.Combine(_folder, "legacy.db");
        using (var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Shared }))
        {
            var doc = RunDocumentsOf(StoreFiles.Run("mf-old", null) with { WeightsBytes = 3 });
            doc.Remove("weightsSha256");
            db.GetCollection("runs").Insert(doc);
            db.FileStorage.Upload("weights/mf-old", "mf-old.weights", new MemoryStream([1, 2, 3]));
        }
        string sha = StoreFiles.Sha(path);
        using (var reader = new RunStore(path, StoreAccess.Read))
        {
            Assert.Equal("mf-old", Assert.Single(reader.List()).Id);
            Assert.Throws<InvalidOperationException>(() => reader.Delete("mf-old"));
        }
        Assert.Equal(sha, StoreFiles.Sha(path));

        using (var writer = new RunStore(path)) Assert.Equal([1, 2, 3], writer.ReadWeights("mf-old"));
        using var check = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true });
        var marker = check.GetCollection(StoreSchema.Collection).FindById("store");
        Assert.Equal(StoreSchema.Current, marker["version"].AsInt32);
        Assert.Equal(0, marker["migratedFrom"].AsInt32);
        Assert.Equal(1, check.GetCollection("runs").Count());
    }

    [Fact]
    public void A_store_of_a_newer_schema_is_refused_unchanged()
    {
        string path = StoreFiles.WithRuns(_folder, recommenders: 1);
        using (var db = new LiteDatabase(new ConnectionString { Filename = path }))
            db.GetCollection(StoreSchema.Collection).Update(new BsonDocument { ["_id"] = "store", ["product"] = StoreSchema.Product, ["version"] = StoreSchema.Current + 1 });
        string sha = StoreFiles.Sha(path);
        Assert.Equal(StoreProblem.Newer, Assert.Throws<StoreException>(() => new RunStore(path)).Problem);
        Assert.Equal(sha, StoreFiles.Sha(path));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(0.5 + 100.0 / 1_000_000)] // not a whole number of pages
    public void A_truncated_store_is_reported_damaged_and_left_unchanged(double share)
    {
        string path = StoreFiles.Truncated(StoreFiles.WithRuns(_folder), share);
        string sha = StoreFiles.Sha(path);
        foreach (var access in new[] { StoreAccess.Read, StoreAccess.Write })
        {
            var error = Assert.Throws<StoreException>(() => new RunStore(path, access));
            Assert.Equal(StoreProblem.Damaged, error.Problem);
            Assert.Contains("recsae store check", error.Message);
        }
        Assert.Equal(sha, StoreFiles.Sha(path));
    }

    [Fact]
    public void A_corrupted_page_is_reported_damaged_when_read_and_the_file_is_left_unchanged()
    {
        string healthy = StoreFiles.WithRuns(_folder);
        int pages = (int)(new FileInfo(healthy).Length / 8192);
        string path = StoreFiles.WithCorruptedPage(healthy, pages / 2);
        string sha = StoreFiles.Sha(path);
        var error = Assert.Throws<StoreException>(() =>
        {
            using var store = new RunStore(path, StoreAccess.Read);
            foreach (var run in store.List()) store.ReadWeights(run.Id);
        });
        Assert.Equal(StoreProblem.Damaged, error.Problem);
        Assert.Equal(sha, StoreFiles.Sha(path));
    }

    [Fact]
    public void Reading_leaves_a_healthy_store_byte_for_byte_unchanged()
    {
        string path = StoreFiles.WithRuns(_folder, recommenders: 2);
        string sha = StoreFiles.Sha(path);
        using (var store = new RunStore(path, StoreAccess.Read))
        {
            Assert.Equal(4, store.List().Count);
            Assert.Equal(StoreFiles.Weights(1), store.ReadWeights("mf-1"));
        }
        Assert.Equal(sha, StoreFiles.Sha(path));
    }

    private static BsonDocument RunDocumentsOf(RunInfo run)
    {
        string path = Path.Combine(Path.GetTempPath(), "recsae-tests", Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using (var store = new RunStore(path)) store.Save(run, new byte[] { 1, 2, 3 });
            using var db = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true });
            return db.GetCollection("runs").FindById(run.Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
