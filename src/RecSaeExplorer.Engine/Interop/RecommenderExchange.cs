using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Runs;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Interop;

/// <summary>File formats of a recommender export.</summary>
public enum ModelFileFormat { Safetensors, Pth }

/// <summary>What a recommender import stored, and which source tensor became each of the product's parameters.</summary>
public sealed record RecommenderImport(RunInfo Run, RecommenderMetrics Metrics, IReadOnlyDictionary<string, string> Sources);

/// <summary>
/// Recommenders in and out in PyTorch's formats. Export writes the product's own parameter names
/// (<c>model.safetensors</c> or <c>model.pth</c>, via TorchSharp.PyBridge) with cfg.json and ids.json; import
/// maps a foreign state dict's names (<see cref="ParameterMapping"/>), checks every shape against the dataset,
/// evaluates the model on the split and stores it as a recommender run.
/// </summary>
public static class RecommenderExchange
{
    public static IReadOnlyList<string> Export(RunStore store, string runId, Dataset dataset, string folder, ModelFileFormat format)
    {
        var run = store.Get(runId);
        using var trained = store.LoadRecommender(run.Id, dataset);
        var module = (nn.Module)trained.Model;
        Directory.CreateDirectory(folder);
        string weights = Path.Combine(folder, format == ModelFileFormat.Safetensors ? "model.safetensors" : "model.pth");
        using (var stream = File.Create(weights))
        {
            if (format == ModelFileFormat.Safetensors) module.save_safetensors(stream, leaveOpen: true);
            else module.save_py(stream, leaveOpen: true);
        }
        var cfg = new RecommenderExchangeConfig
        {
            Model = run.Model,
            Score = trained.Config.Model == RecommenderModel.Mf
                ? "global_bias + user_bias[u] + item_bias[i] + user_embedding[u] . item_embedding[i] (a logit)"
                : "output(relu(hidden_k(...relu(hidden0(concat(user_embedding[u], item_embedding[i])))))) (a logit)",
            EmbeddingDim = trained.Model.EmbeddingDim,
            Hidden = trained.Config.Model == RecommenderModel.Ncf ? trained.Config.Hidden.ToArray() : [],
            Parameters = module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape),
            RunId = run.Id,
            WeightsSha256 = store.WeightsSha256(run.Id),
            Dataset = run.DatasetName,
            DatasetFingerprint = run.DatasetFingerprint,
            SplitSeed = run.SplitSeed,
            Users = dataset.Users.Count,
            Items = dataset.Items.Count,
        };
        return [weights, cfg.Write(folder), IdMaps.Of(dataset).Write(folder)];
    }

    /// <summary>
    /// Loads <paramref name="path"/> as a <paramref name="model"/> recommender of <paramref name="dataset"/>
    /// (rows in the dataset's index order, see ids.json), evaluates it on the split <paramref name="splitSeed"/>
    /// and stores it. Throws <see cref="InteropException"/> naming the parameter when a name or shape does not fit.
    /// </summary>
    public static RecommenderImport Import(RunStore store, RecommenderModel model, string path, Dataset dataset, int splitSeed,
        ParameterMapping? mapping = null, CancellationToken cancellationToken = default)
    {
        mapping ??= ParameterMapping.Default;
        var state = StateDictFile.Read(path);
        try
        {
            var (config, tensors, sources) = Bind(model, state, dataset, mapping);
            var module = RecommenderFactory.Create(config, dataset.Users.Count, dataset.Items.Count);
            try
            {
                using (no_grad()) module.load_state_dict(tensors, strict: true);
                module.Freeze();
                var split = DatasetSplit.Create(dataset, splitSeed);
                var metrics = RecommenderEvaluator.Evaluate(module, dataset, split, new EvaluationOptions(), cancellationToken);
                var trained = new TrainedRecommender(module, config, dataset.Name, dataset.Fingerprint, splitSeed, [], [], 0);
                var run = store.SaveRecommender(trained, metrics);
                return new RecommenderImport(run, metrics, sources);
            }
            finally
            {
                module.Dispose();
            }
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
    }

    /// <summary>Finds every parameter, checks its shape, and infers the config (dimension, NCF hidden widths).</summary>
    private static (RecommenderConfig Config, Dictionary<string, Tensor> Tensors, Dictionary<string, string> Sources) Bind(
        RecommenderModel model, IReadOnlyDictionary<string, Tensor> state, Dataset dataset, ParameterMapping mapping)
    {
        var tensors = new Dictionary<string, Tensor>();
        var sources = new Dictionary<string, string>();
        Tensor Take(string name, long[]? shape = null) => TakeIfPresent(name, shape) ?? throw new InteropException(
            $"The file has no tensor for '{name}' (tried {string.Join(", ", mapping.Candidates(model, name))}); " +
            "give a --mapping file (see docs/interop/research-mapping.json).");

        Tensor? TakeIfPresent(string name, long[]? shape = null)
        {
            if (mapping.Find(model, name, state) is not { } found) return null;
            if (sources.ContainsValue(found.Source)) throw new InteropException($"Tensor '{found.Source}' is mapped to two parameters.");
            var value = found.Value.to_type(ScalarType.Float32);
            if (shape is not null)
            {
                if (value.numel() != shape.Aggregate(1L, (a, b) => a * b) || (value.dim() == shape.Length && !value.shape.SequenceEqual(shape)))
                    throw new InteropException($"'{found.Source}' (for {name}) has shape [{string.Join(", ", value.shape)}]; " +
                        $"expected [{string.Join(", ", shape)}] for {dataset.Name} ({dataset.Users.Count} users, {dataset.Items.Count} items).");
                value = value.reshape(shape);
            }
            tensors[name] = value;
            sources[name] = found.Source;
            return value;
        }

        var users = Take("user_embedding.weight");
        if (users.dim() != 2 || users.shape[0] != dataset.Users.Count)
            throw new InteropException($"The user embedding has shape [{string.Join(", ", users.shape)}]; {dataset.Name} has {dataset.Users.Count} users.");
        long dim = users.shape[1];
        Take("item_embedding.weight", [dataset.Items.Count, dim]);
        var hidden = new List<int>();
        if (model == RecommenderModel.Mf)
        {
            Take("user_bias.weight", [dataset.Users.Count, 1]);
            Take("item_bias.weight", [dataset.Items.Count, 1]);
            Take("global_bias", [1]);
        }
        else
        {
            long width = 2 * dim;
            for (int k = 0; TakeIfPresent($"hidden{k}.weight") is { } w; k++)
            {
                if (w.dim() != 2 || w.shape[1] != width)
                    throw new InteropException($"Hidden layer {k} ('{sources[$"hidden{k}.weight"]}') has shape [{string.Join(", ", w.shape)}]; its input width must be {width}.");
                Take($"hidden{k}.bias", [w.shape[0]]);
                hidden.Add((int)w.shape[0]);
                width = w.shape[0];
            }
            if (hidden.Count == 0) throw new InteropException("The NCF file has no hidden layer 'hidden0.weight' under any mapped name; give a --mapping file.");
            Take("output.weight", [1, width]);
            Take("output.bias", [1]);
        }
        var unused = state.Keys.Except(sources.Values).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
            throw new InteropException($"Tensors {string.Join(", ", unused)} of the file are not mapped to any {model.Name()} parameter; " +
                "the model would not score like the one that wrote the file. Give a --mapping file or pick the other --model.");
        var config = new RecommenderConfig
        {
            Model = model, Preset = "imported", EmbeddingDim = (int)dim, Hidden = model == RecommenderModel.Ncf ? hidden : NeuralCollaborativeFiltering.DefaultHidden,
        };
        return (config, tensors, sources);
    }
}
