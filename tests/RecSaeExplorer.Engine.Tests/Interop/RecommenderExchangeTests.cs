using System.Text.Json;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interop;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Tests.Sae;
using RecSaeExplorer.Engine.Tests.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Interop;

/// <summary>
/// Recommenders from PyTorch and back. The PyTorch fixtures (fixtures/*.pth and PyTorch's own scores in
/// fixtures/scores.json) were written by fixtures/make_state_dict.py with Debian's python3-torch 1.13 and are
/// committed, so these tests need no PyTorch.
/// </summary>
[Collection(SerialTorchCollection.Name)]
public sealed class RecommenderExchangeTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Fixtures = Path.Combine(TestPaths.RepoRoot, "tests", "RecSaeExplorer.Engine.Tests", "Interop", "fixtures");

    /// <summary>12 users and 20 items: the fixture script's shapes.</summary>
    private static readonly Dataset Data = SyntheticData.Communities(groups: 2, usersPerGroup: 6, itemsPerGroup: 10, name: "synthetic-12x20");

    private readonly string _folder = TestPaths.NewTempFolder();
    private readonly RunStore _store = new(Path.Combine(TestPaths.NewTempFolder(), "store.db"));


    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, true);
        Directory.Delete(Path.GetDirectoryName(_store.Path)!, true);
    }

    [Theory]
    [InlineData("mf", RecommenderModel.Mf, "mf_state_dict.pth")]
    [InlineData("ncf", RecommenderModel.Ncf, "ncf_state_dict.pth")]
    [InlineData("mf", RecommenderModel.Mf, "mf_checkpoint.pth")]
    public void A_pytorch_state_dict_imports_and_scores_as_pytorch_did(string name, RecommenderModel model, string file)
    {
        var imported = RecommenderExchange.Import(_store, model, Path.Combine(Fixtures, file), Data, splitSeed: 3);
        Assert.Equal("user_emb.weight", imported.Sources["user_embedding.weight"]);
        Assert.Equal("imported", imported.Run.Preset);
        Assert.NotEmpty(imported.Metrics.FullRanking);

        using var stored = _store.LoadRecommender(imported.Run.Id, Data);
        float[,] expected = PyTorchScores(name);
        using var scope = NewDisposeScope();
        var logits = stored.Model.BlockLogits(arange(Data.Users.Count, dtype: ScalarType.Int64), arange(Data.Items.Count, dtype: ScalarType.Int64));
        var actual = logits.data<float>().ToArray();
        double maxDiff = 0;
        for (int u = 0; u < Data.Users.Count; u++)
        for (int i = 0; i < Data.Items.Count; i++) maxDiff = Math.Max(maxDiff, Math.Abs(actual[u * Data.Items.Count + i] - expected[u, i]));
        output.WriteLine($"{name}: max abs logit diff to PyTorch {maxDiff:E2}");
        Assert.True(maxDiff <= 1e-5, $"max abs diff {maxDiff}");
        if (model == RecommenderModel.Ncf) Assert.Equal([16, 8], RunStore.RecommenderConfigOf(imported.Run).Hidden);
    }

    [Theory]
    [InlineData(RecommenderModel.Mf, ModelFileFormat.Safetensors)]
    [InlineData(RecommenderModel.Ncf, ModelFileFormat.Safetensors)]
    [InlineData(RecommenderModel.Mf, ModelFileFormat.Pth)]
    [InlineData(RecommenderModel.Ncf, ModelFileFormat.Pth)]
    public void Export_then_import_scores_identically(RecommenderModel model, ModelFileFormat format)
    {
        using var trained = SaeFixture.Recommender(model);
        var run = _store.SaveRecommender(trained);
        string folder = Path.Combine(_folder, $"export-{model}-{format}");
        var files = RecommenderExchange.Export(_store, run.Id, SaeFixture.Data, folder, format);
        Assert.Equal(3, files.Count);
        using (var cfg = JsonDocument.Parse(File.ReadAllText(files[1])))
        {
            Assert.Equal(_store.WeightsSha256(run.Id), cfg.RootElement.GetProperty("weights_sha256").GetString());
            Assert.Equal(SaeFixture.Data.Fingerprint, cfg.RootElement.GetProperty("dataset_fingerprint").GetString());
        }

        var imported = RecommenderExchange.Import(_store, model, files[0], SaeFixture.Data, run.SplitSeed);
        using var loaded = _store.LoadRecommender(imported.Run.Id, SaeFixture.Data);
        using var scope = NewDisposeScope();
        var users = arange(SaeFixture.Data.Users.Count, dtype: ScalarType.Int64);
        var items = arange(SaeFixture.Data.Items.Count, dtype: ScalarType.Int64);
        Assert.Equal(0f, (trained.Model.BlockLogits(users, items) - loaded.Model.BlockLogits(users, items)).abs().max().item<float>());
        var before = RunStore.RecommenderMetricsOf(run);
        Assert.Null(before); // saved without metrics; the import computed its own
        Assert.Equal(imported.Metrics.FullRanking.Select(m => m.Ndcg), RunStore.RecommenderMetricsOf(imported.Run)!.FullRanking.Select(m => m.Ndcg));
    }

    [PyTorchTheory]
    [InlineData(RecommenderModel.Mf)]
    [InlineData(RecommenderModel.Ncf)]
    public void PyTorch_reads_an_exported_pth_and_scores_as_the_product_does(RecommenderModel model)
    {
        using var trained = SaeFixture.Recommender(model);
        var run = _store.SaveRecommender(trained);
        var files = RecommenderExchange.Export(_store, run.Id, SaeFixture.Data, Path.Combine(_folder, "pth"), ModelFileFormat.Pth);
        string scores = Path.Combine(_folder, "torch-scores.json");
        var (exit, log) = Python.Run(Python.Interpreter!, [Path.Combine(Fixtures, "score_exported.py"), files[0], files[1], scores]);
        Assert.True(exit == 0, log);

        using var doc = JsonDocument.Parse(File.ReadAllText(scores));
        var expected = doc.RootElement.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
        using var scope = NewDisposeScope();
        var actual = trained.Model.BlockLogits(arange(SaeFixture.Data.Users.Count, dtype: ScalarType.Int64),
            arange(SaeFixture.Data.Items.Count, dtype: ScalarType.Int64)).data<float>().ToArray();
        double maxDiff = expected.SelectMany((row, u) => row.Select((v, i) => Math.Abs(v - actual[u * row.Length + i]))).Max();
        output.WriteLine($"{model}: max abs logit diff PyTorch vs product {maxDiff:E2}");
        Assert.True(maxDiff <= 1e-5, $"max abs diff {maxDiff}");
    }

    [Fact]
    public void An_imported_recommender_takes_an_sae_like_any_run()
    {
        var imported = RecommenderExchange.Import(_store, RecommenderModel.Mf, Path.Combine(Fixtures, "mf_state_dict.pth"), Data, splitSeed: 3);
        using var recommender = _store.LoadRecommender(imported.Run.Id, Data);
        var split = DatasetSplit.Create(Data, recommender.SplitSeed);
        using var trained = RecSaeExplorer.Engine.Sae.Training.SaeTrainer.Train(Data, split, recommender.Model,
            SaeFixture.Quick().Architecture(a => a with { Width = 8, K = 2 }).DeadLatents(d => d with { AuxK = 2 })
                .Schedule(s => s with { Steps = 10, UserBatch = 8, ItemBatch = 8 }));
        var metrics = RecSaeExplorer.Engine.Sae.Evaluation.SaeEvaluator.Evaluate(Data, split, recommender.Model, trained.Sae);
        var sae = _store.SaveSae(trained, imported.Run.Id, metrics);
        using var loaded = _store.LoadSae(sae.Id, Data, recommender.Model);
        Assert.Equal(imported.Run.Id, sae.ParentRunId);
        Assert.Equal(split.TestUsers.Count, metrics.Users.Length);
    }

    [Fact]
    public void A_state_dict_for_another_dataset_is_refused_with_the_counts()
    {
        var other = SyntheticData.Communities(groups: 2, usersPerGroup: 7, itemsPerGroup: 10, name: "synthetic-14x20");
        var error = Assert.Throws<InteropException>(() =>
            RecommenderExchange.Import(_store, RecommenderModel.Mf, Path.Combine(Fixtures, "mf_state_dict.pth"), other, 3));
        Assert.Contains("[12, 4]", error.Message);
        Assert.Contains("14 users", error.Message);
        Assert.Empty(_store.List());
    }

    [Fact]
    public void An_ncf_file_read_as_mf_is_refused_naming_what_is_missing()
    {
        var error = Assert.Throws<InteropException>(() =>
            RecommenderExchange.Import(_store, RecommenderModel.Mf, Path.Combine(Fixtures, "ncf_state_dict.pth"), Data, 3));
        Assert.Contains("user_bias.weight", error.Message);
        Assert.Contains("--mapping", error.Message);
    }

    [Fact]
    public void A_mapping_file_renames_parameters()
    {
        string mapping = Path.Combine(_folder, "mapping.json");
        File.WriteAllText(mapping, """{ "mf": { "user_embedding.weight": "U", "item_embedding.weight": "V", "user_bias.weight": "bu", "item_bias.weight": "bi", "global_bias": "g" } }""");
        var state = StateDictFile.Read(Path.Combine(Fixtures, "mf_state_dict.pth"));
        var renamed = new Dictionary<string, Tensor>
        {
            ["U"] = state["user_emb.weight"], ["V"] = state["item_emb.weight"], ["bu"] = state["user_bias.weight"].flatten(),
            ["bi"] = state["item_bias.weight"].flatten(), ["g"] = state["global_bias"],
        };
        string file = Path.Combine(_folder, "renamed.safetensors");
        using (var stream = File.Create(file)) TorchSharp.PyBridge.Safetensors.SaveStateDict(stream, renamed, leaveOpen: true);

        var imported = RecommenderExchange.Import(_store, RecommenderModel.Mf, file, Data, 3, ParameterMapping.Load(mapping));
        var reference = RecommenderExchange.Import(_store, RecommenderModel.Mf, Path.Combine(Fixtures, "mf_state_dict.pth"), Data, 3);
        Assert.Equal("bu", imported.Sources["user_bias.weight"]);
        Assert.Equal(reference.Metrics.FullRanking.Select(m => m.Ndcg), imported.Metrics.FullRanking.Select(m => m.Ndcg));
    }

    private static float[,] PyTorchScores(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "scores.json")));
        var rows = doc.RootElement.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
        var result = new float[rows.Length, rows[0].Length];
        for (int u = 0; u < rows.Length; u++)
        for (int i = 0; i < rows[u].Length; i++) result[u, i] = rows[u][i];
        return result;
    }
}
