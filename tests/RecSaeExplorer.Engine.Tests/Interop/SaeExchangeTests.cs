using System.Globalization;
using System.Text.Json;
using RecSaeExplorer.Engine.Interop;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Tests.Sae;
using RecSaeExplorer.Engine.Tests.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Interop;

[Collection(SerialTorchCollection.Name)]
public sealed class SaeExchangeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();
    private readonly RunStore _store = new(Path.Combine(TestPaths.NewTempFolder(), "store.db"));


    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, true);
        Directory.Delete(Path.GetDirectoryName(_store.Path)!, true);
    }

    /// <summary>An MF and an SAE trained on it with <paramref name="config"/>, both stored in this test's store.</summary>
    private StoredSae TrainAndStore(SaeConfig config)
    {
        var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        var recRun = _store.SaveRecommender(recommender);
        var trained = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, config);
        return new StoredSae(recommender, recRun, trained, _store.SaveSae(trained, recRun.Id));
    }

    /// <summary>Exports <paramref name="run"/> to a folder of this test's and returns the folder.</summary>
    private string Export(RunInfo run)
    {
        string folder = Path.Combine(_folder, "export");
        SaeExchange.Export(_store, run.Id, SaeFixture.Data, folder);
        return folder;
    }

    private sealed record StoredSae(TrainedRecommender Recommender, RunInfo RecRun, TrainedSae Trained, RunInfo Run) : IDisposable
    {
        public void Dispose()
        {
            Trained.Dispose();
            Recommender.Dispose();
        }
    }

    public static TheoryData<string> Configs => ["topk-untied", "batchtopk", "expertchoice", "relu-tied-standardized"];

    private static SaeConfig Config(string name) => name switch
    {
        "topk-untied" => SaeFixture.Quick(),
        "batchtopk" => SaeFixture.Quick(SaeActivation.BatchTopK),
        "expertchoice" => SaeFixture.Quick(SaeActivation.ExpertChoice),
        _ => SaeFixture.Quick(SaeActivation.Relu).Architecture(a => a with { TiedDecoder = true, Standardize = true, UnitNormDecoder = false })
            .Loss(l => l with { LambdaKl = 0.01 }).DeadLatents(d => d with { AuxCoefficient = 0 })
            .Prediction(p => p with { Loss = PredictionLossKind.ProbabilityMse, Pairs = PredictionPairs.Block }),
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void Export_then_import_gives_identical_reconstructions_and_metrics(string name)
    {
        using var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        var recRun = _store.SaveRecommender(recommender);
        using var trained = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, Config(name));
        var metrics = SaeEvaluator.Evaluate(SaeFixture.Data, SaeFixture.Split, recommender.Model, trained.Sae);
        var run = _store.SaveSae(trained, recRun.Id, metrics);

        string export = Path.Combine(_folder, "export-" + name);
        var files = SaeExchange.Export(_store, run.Id, SaeFixture.Data, export);
        Assert.Equal(["sae.safetensors", "cfg.json", "ids.json"], files.Select(Path.GetFileName));
        var imported = SaeExchange.Import(_store, export, recRun.Id, SaeFixture.Data);
        Assert.True(imported.SameRecommenderWeights);
        Assert.Equal(run.Id, SaeExchangeConfig.Read(export).Provenance!.SaeRunId);

        using var loaded = _store.LoadSae(imported.Run.Id, SaeFixture.Data, recommender.Model);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var inputs = cat([recommender.Model.ItemEmbeddings(), recommender.Model.UserEmbeddings()], 0);
        var again = RunStore.SaeMetricsOf(_store.Get(imported.Run.Id))!;
        double diff = (trained.Sae.forward(inputs) - loaded.Sae.forward(inputs)).abs().max().item<float>();
        output.WriteLine($"{name}: max abs reconstruction diff {diff:E2}, RBO {metrics.Honest.MeanRbo:F6} -> {again.Honest.MeanRbo:F6}");
        Assert.True(diff <= 1e-6, $"max abs diff {diff}");
        Assert.Equal(trained.Sae.Threshold, loaded.Sae.Threshold);

        Assert.Equal(metrics.Honest.Rbo, again.Honest.Rbo);
        Assert.Equal(metrics.Honest.Kendall, again.Honest.Kendall);
        Assert.Equal(metrics.SeenIncluded.Rbo, again.SeenIncluded.Rbo);
        Assert.Equal(metrics.MonosemanticityPerNeuron, again.MonosemanticityPerNeuron);
        Assert.Equal(metrics.MeanL0, again.MeanL0);
        Assert.Equal(metrics.ExplainedVariance, again.ExplainedVariance);
        Assert.Equal(recRun.Id, imported.Run.ParentRunId);
    }

    [Fact]
    public void Cfg_json_carries_saelens_fields_provenance_and_id_maps()
    {
        using var sae = TrainAndStore(SaeFixture.Quick().WithSteps(5));
        var (_, recRun, _, run) = sae;
        string export = Export(run);

        using var cfg = JsonDocument.Parse(File.ReadAllText(Path.Combine(export, "cfg.json")));
        var root = cfg.RootElement;
        Assert.Equal(8, root.GetProperty("d_in").GetInt32());
        Assert.Equal(16, root.GetProperty("d_sae").GetInt32());
        Assert.Equal("topk", root.GetProperty("activation_fn_str").GetString());
        Assert.Equal(4, root.GetProperty("activation_fn_kwargs").GetProperty("k").GetInt32());
        var recsae = root.GetProperty("recsae");
        Assert.Equal(recRun.Id, recsae.GetProperty("recommender_run_id").GetString());
        Assert.Equal(_store.WeightsSha256(recRun.Id), recsae.GetProperty("recommender_weights_sha256").GetString());
        Assert.Equal(64, recsae.GetProperty("recommender_weights_sha256").GetString()!.Length);
        Assert.Equal(SaeFixture.Data.Fingerprint, recsae.GetProperty("dataset_fingerprint").GetString());
        Assert.Equal(5, recsae.GetProperty("split_seed").GetInt32());

        using var ids = JsonDocument.Parse(File.ReadAllText(Path.Combine(export, "ids.json")));
        Assert.Equal(SaeFixture.Data.Users.Select(u => u.Id), ids.RootElement.GetProperty("users").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(SaeFixture.Data.Items.Select(i => i.Id), ids.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Import_onto_a_recommender_of_another_dimension_is_refused()
    {
        using var sae = TrainAndStore(SaeFixture.Quick().WithSteps(5));
        var run = sae.Run;
        string export = Export(run);

        using var narrow = RecommenderTrainer.Train(SaeFixture.Data, SaeFixture.Split, new RecommenderConfig { EmbeddingDim = 4, Epochs = 1, Seed = 2 });
        var narrowRun = _store.SaveRecommender(narrow);
        int before = _store.List(RunStore.SaeKind).Count;
        var error = Assert.Throws<InteropException>(() => SaeExchange.Import(_store, export, narrowRun.Id, SaeFixture.Data));
        Assert.Contains("8-dimensional", error.Message);
        Assert.Contains("4-dimensional", error.Message);
        Assert.Equal(before, _store.List(RunStore.SaeKind).Count);
    }

    [Fact]
    public void A_saelens_folder_without_the_products_section_imports_with_b_dec_folded()
    {
        using var sae = TrainAndStore(SaeFixture.Quick(SaeActivation.Relu).WithSteps(20));
        var (recommender, recRun, trained, _) = sae;

        // What a SAELens SAE trained without apply_b_dec_to_input looks like: b_enc absorbs −b_dec·W_enc.
        string folder = Path.Combine(_folder, "saelens");
        Directory.CreateDirectory(folder);
        var tensors = SaeTensors.From(trained.Sae);
        tensors[SaeTensors.BEnc] = tensors[SaeTensors.BEnc] - tensors[SaeTensors.BDec].matmul(tensors[SaeTensors.WEnc]);
        using (var stream = File.Create(Path.Combine(folder, "sae.safetensors"))) TorchSharp.PyBridge.Safetensors.SaveStateDict(stream, tensors, leaveOpen: true);
        File.WriteAllText(Path.Combine(folder, "cfg.json"),
            """{ "d_in": 8, "d_sae": 16, "activation_fn_str": "relu", "apply_b_dec_to_input": false, "normalize_activations": "none" }""");

        var imported = SaeExchange.Import(_store, folder, recRun.Id, SaeFixture.Data);
        Assert.False(imported.SameRecommenderWeights);
        Assert.Equal("imported", imported.Run.Preset);
        using var loaded = _store.LoadSae(imported.Run.Id, SaeFixture.Data, recommender.Model);
        Assert.False(loaded.Config.Architecture.TiedDecoder);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var items = recommender.Model.ItemEmbeddings();
        double diff = (trained.Sae.forward(items) - loaded.Sae.forward(items)).abs().max().item<float>();
        Assert.True(diff <= 1e-5, $"max abs diff {diff}");
    }

    [Fact]
    public void An_expert_choice_SAE_goes_out_as_saelens_jumprelu_and_a_jumprelu_folder_comes_back_in()
    {
        using var sae = TrainAndStore(SaeFixture.Quick(SaeActivation.ExpertChoice).WithSteps(20));
        var (recommender, recRun, trained, run) = sae;
        string export = Export(run);
        using (var cfg = JsonDocument.Parse(File.ReadAllText(Path.Combine(export, "cfg.json"))))
        {
            Assert.Equal("jumprelu", cfg.RootElement.GetProperty("architecture").GetString());
            Assert.Equal("relu", cfg.RootElement.GetProperty("activation_fn_str").GetString());
        }
        var exported = TorchSharp.PyBridge.Safetensors.LoadStateDict(Path.Combine(export, "sae.safetensors"));
        Assert.Equal([16L], exported[SaeTensors.Threshold].shape);

        // The same tensors with only SAELens' fields, as a JumpReLU SAE trained elsewhere would come.
        string folder = Path.Combine(_folder, "jumprelu");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(export, "sae.safetensors"), Path.Combine(folder, "sae.safetensors"));
        File.WriteAllText(Path.Combine(folder, "cfg.json"),
            """{ "architecture": "jumprelu", "d_in": 8, "d_sae": 16, "activation_fn_str": "relu", "normalize_activations": "none" }""");
        var imported = SaeExchange.Import(_store, folder, recRun.Id, SaeFixture.Data);
        using var loaded = _store.LoadSae(imported.Run.Id, SaeFixture.Data, recommender.Model);
        Assert.Equal(SaeActivation.ExpertChoice, loaded.Config.Architecture.Activation);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var inputs = cat([recommender.Model.ItemEmbeddings(), recommender.Model.UserEmbeddings()], 0);
        Assert.True(trained.Sae.Encode(inputs).Z.allclose(loaded.Sae.Encode(inputs).Z, 0, 1e-6));
        Assert.True(trained.Sae.Encode(inputs).Z.ne(0).sum().item<long>() > 0);
    }

    [PythonFact]
    public void An_independent_json_and_numpy_reader_sees_the_same_tensors()
    {
        using var sae = TrainAndStore(SaeFixture.Quick(SaeActivation.BatchTopK).WithSteps(20));
        var (_, _, trained, run) = sae;
        string export = Export(run);

        // What the product holds, dumped as JSON numbers that round-trip float32 exactly.
        var tensors = SaeTensors.From(trained.Sae);
        var expected = tensors.ToDictionary(kv => kv.Key, kv => new
        {
            shape = kv.Value.shape,
            data = kv.Value.data<float>().Select(v => double.Parse(v.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToArray(),
        });
        foreach (var t in tensors.Values) t.Dispose();
        string dump = Path.Combine(_folder, "expected.json");
        File.WriteAllText(dump, JsonSerializer.Serialize(expected));

        string script = Path.Combine(TestPaths.RepoRoot, "tests", "RecSaeExplorer.Engine.Tests", "Interop", "read_safetensors.py");
        var (exit, output) = Python.Run(Python.Interpreter!, [script, Path.Combine(export, "sae.safetensors"), dump]);
        Assert.True(exit == 0, output);
        Assert.Contains("ok 5 tensors", output);
        Assert.Contains("W_enc[8, 16]", output);
        Assert.Contains("W_dec[16, 8]", output);
    }
}
