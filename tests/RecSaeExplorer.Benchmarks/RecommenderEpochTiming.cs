using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Benchmarking;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Optimization;
using RecSaeExplorer.Engine.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Benchmarks;

/// <summary>
/// Epoch timings of the tuned ML-1M MF / NCF, to compare with pytorch/recommender_epoch.py.
/// Run: <c>dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- epochs [threads=1] [models=mf,ncf] [epochs=3] [warmup=1] [mode=full|loop|profile|ops] [optimizer=fused|torch]</c>
/// (<c>optimizer=torch</c>: TorchSharp's optim.Adam on dense gradients instead of the trainer's FusedAdam on sparse ones).
/// <list type="bullet">
/// <item><c>full</c>: <see cref="EpochBenchmark.Measure"/> (the trainer's own epoch time: waiting for the
/// prefetched negatives, building the int64 index tensors, every step).</item>
/// <item><c>loop</c>: pairs sampled and index tensors built once, untimed; only the step loop is timed,
/// with the trainer's own step (model.TrainingForward via reflection, BCE-with-logits mean, L2 penalty,
/// zero_grad, backward, Adam step, loss.item) — the same timed region as the PyTorch script.</item>
/// <item><c>profile</c>: like <c>loop</c>, and splits each step into forward, loss, zero_grad, backward,
/// optimizer step and item.</item>
/// <item><c>ops</c>: per-call times of the element-wise ops of an Adam update, an embedding backward and
/// a tiny op (binding overhead), as in pytorch/op_timings.py.</item>
/// </list>
/// </summary>
internal static class RecommenderEpochTiming
{
    public const string Command = "epochs";

    private static readonly MethodInfo TrainingForward = typeof(RecommenderModule).GetMethod(
        "TrainingForward", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingMethodException(nameof(RecommenderModule), "TrainingForward");

    public static void Run(string[] args)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        int threads = int.Parse(options.GetValueOrDefault("threads", "1"), CultureInfo.InvariantCulture);
        int epochs = int.Parse(options.GetValueOrDefault("epochs", "3"), CultureInfo.InvariantCulture);
        int warmup = int.Parse(options.GetValueOrDefault("warmup", "1"), CultureInfo.InvariantCulture);
        string mode = options.GetValueOrDefault("mode", "full");
        var models = options.GetValueOrDefault("models", "mf,ncf").Split(',')
            .Select(m => m.Trim().ToLowerInvariant() == "ncf" ? RecommenderModel.Ncf : RecommenderModel.Mf).ToArray();

        if (mode == "ops")
        {
            Ops(threads, int.Parse(options.GetValueOrDefault("reps", "200"), CultureInfo.InvariantCulture));
            return;
        }
        string folder = TestPaths.SharedMl1m ?? throw new InvalidOperationException("../shared/data/ml-1m is not beside this checkout.");
        var dataset = new MovieLens1MLoader().Load(folder);
        var split = DatasetSplit.Create(dataset, seed: 1);
        Console.WriteLine($"# TorchSharp {typeof(torch).Assembly.GetName().Version}, mode {mode}, threads {threads}; " +
                          $"users {dataset.Users.Count}, items {dataset.Items.Count}, train positives {split.Train.Count}");
        Console.WriteLine($"# load average {LoadAverage()}");
        Console.WriteLine("| side | model | threads | epochs | median s | min s | max s | steps | steps/s | loss | load avg (1m) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var model in models)
        {
            var config = RecommenderPresets.Get(RecommenderPresets.Tuned, model, dataset.Name) with { Threads = threads };
            if (mode == "full")
            {
                var t = EpochBenchmark.Measure(dataset, split, config, epochs, warmup);
                Console.WriteLine(Row($"torchsharp-{mode}", config, t.Seconds.ToArray(), t.Steps, double.NaN));
            }
            else
            {
                Loop(dataset, split, config, epochs, warmup, mode == "profile", options.GetValueOrDefault("optimizer", "fused") == "fused");
            }
        }
    }

    private static void Loop(Dataset dataset, DatasetSplit split, RecommenderConfig config, int epochs, int warmup, bool profile, bool fused)
    {
        TorchRuntime.UseThreads(config.Threads);
        var sw = Stopwatch.StartNew();
        var pairs = new NegativeSampler(split.Train).EpochPairs(split.Train, config.NegativesPerPositive, config.Seed, 0);
        double sampleS = sw.Elapsed.TotalSeconds;
        sw.Restart();
        using var users = TorchRuntime.Indices(pairs.Users, CPU);
        using var items = TorchRuntime.Indices(pairs.Items, CPU);
        using var labels = torch.tensor(pairs.Labels);
        double indexS = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"#   {config.Model.Name()}: negative sampling (untimed, once) {sampleS:F2}s, index tensors {indexS:F3}s");

        using var model = RecommenderFactory.Create(config, dataset.Users.Count, dataset.Items.Count,
            fused && RecommenderTrainer.UsesSparseGradients(config));
        using var optimizer = fused
            ? Optimizers.Adam(model.parameters().ToList(), new AdamSettings(config.LearningRate), config.Threads)
            : new TorchOptimizer(optim.Adam(model.parameters(), config.LearningRate));
        model.train();
        int steps = (pairs.Count + config.BatchSize - 1) / config.BatchSize;
        var seconds = new List<double>();
        var parts = new double[6];
        string[] names = ["forward", "loss", "zero_grad", "backward", "step", "item"];
        double loss = 0;
        for (int epoch = 0; epoch < warmup + epochs; epoch++)
        {
            Array.Clear(parts);
            double lossSum = 0;
            var clock = Stopwatch.StartNew();
            var part = new Stopwatch();
            for (int step = 0; step < steps; step++)
            {
                using var scope = NewDisposeScope();
                int from = step * config.BatchSize;
                int length = Math.Min(config.BatchSize, pairs.Count - from);
                part.Restart();
                var (logits, squaredNorm) = ((Tensor, Tensor))TrainingForward.Invoke(model, [users.narrow(0, from, length), items.narrow(0, from, length)])!;
                if (profile) { parts[0] += part.Elapsed.TotalSeconds; part.Restart(); }
                var l = nn.functional.binary_cross_entropy_with_logits(logits, labels.narrow(0, from, length));
                if (L2Penalty.Coefficient(config, length) is var c and > 0) l = l + squaredNorm * c;
                if (profile) { parts[1] += part.Elapsed.TotalSeconds; part.Restart(); }
                optimizer.ZeroGrad();
                if (profile) { parts[2] += part.Elapsed.TotalSeconds; part.Restart(); }
                l.backward();
                if (profile) { parts[3] += part.Elapsed.TotalSeconds; part.Restart(); }
                optimizer.Step();
                if (profile) { parts[4] += part.Elapsed.TotalSeconds; part.Restart(); }
                lossSum += l.item<float>();
                if (profile) parts[5] += part.Elapsed.TotalSeconds;
            }
            double s = clock.Elapsed.TotalSeconds;
            loss = lossSum / steps;
            if (epoch >= warmup) seconds.Add(s);
            string breakdown = profile ? " [" + string.Join(", ", names.Select((n, k) => $"{n} {1000 * parts[k] / steps:F2}ms")) + " per step]" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"#   {config.Model.Name()} epoch {epoch} {(epoch < warmup ? "(warm-up) " : "")}{s:F2}s loss {loss:F4}{breakdown}"));
        }
        Console.WriteLine(Row((profile ? "torchsharp-profile" : "torchsharp-loop") + (fused ? "" : "-optim.Adam"), config, seconds.ToArray(), steps, loss));
    }

    /// <summary>The same op timings as pytorch/op_timings.py (median of 5 rounds, microseconds per call).</summary>
    private static void Ops(int threads, int reps)
    {
        TorchRuntime.UseThreads(threads);
        var g = new Generator(1, CPU);
        using var p = randn(6040, 64, generator: g);
        using var grad = randn(6040, 64, generator: g);
        using var m = zeros(6040, 64);
        using var v = rand(6040, 64, generator: g);
        using var idx = randint(0, 6040, [2048], generator: g);
        using var one = zeros(1);
        using var table = nn.Embedding(6040, 64);
        using var sparseTable = nn.Embedding(6040, 64, sparse: true);
        var ops = new (string Name, Action Run)[]
        {
            ("mul_", () => m.mul_(0.9)),
            ("add_(alpha)", () => m.add_(grad, alpha: 0.1)),
            ("addcmul_", () => v.mul_(0.999).addcmul_(grad, grad, value: 0.001)),
            ("sqrt", () => v.sqrt()),
            ("div scalar", () => v.div(0.5)),
            ("addcdiv_", () => p.addcdiv_(m, v, value: -1e-9)),
            ("adam update (one tensor)", () =>
            {
                m.mul_(0.9).add_(grad, alpha: 0.1);
                v.mul_(0.999).addcmul_(grad, grad, value: 0.001);
                p.addcdiv_(m, (v.sqrt() / 0.5).add_(1e-8), value: -1e-9);
            }),
            ("zeros_like", () => zeros_like(p)),
            ("embedding fwd+bwd (autograd)", () => table.forward(idx).sum().backward()),
            ("embedding fwd+bwd grad=None", () => { table.weight!.grad = null; table.forward(idx).sum().backward(); }),
            ("sparse embedding fwd+bwd grad=None", () => { sparseTable.weight!.grad = null; sparseTable.forward(idx).sum().backward(); }),
            ("tiny add_ on [1]", () => one.add_(1.0)),
        };
        Console.WriteLine($"# TorchSharp {typeof(torch).Assembly.GetName().Version}, threads {torch.get_num_threads()}");
        using (var probe = optim.Adam([new TorchSharp.Modules.Parameter(zeros(1))], 2e-3))
            Console.WriteLine($"# betas of optim.Adam(parameters, lr) as the trainer calls it: {probe.GetType().GetProperty("Betas")?.GetValue(probe)}");
        Console.WriteLine("| op | torchsharp us/call |");
        Console.WriteLine("|---|---|");
        foreach (var (name, run) in ops)
        {
            var rounds = new double[5];
            for (int r = 0; r < rounds.Length; r++)
            {
                var sw = Stopwatch.StartNew();
                for (int k = 0; k < reps; k++)
                {
                    using var scope = NewDisposeScope();
                    run();
                }
                rounds[r] = sw.Elapsed.TotalSeconds / reps * 1e6;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {rounds.Order().ElementAt(2):F1} |"));
        }
    }

    private static string Row(string side, RecommenderConfig config, double[] seconds, int steps, double loss)
    {
        var sorted = seconds.Order().ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {side} | {config.Model.Name()} | {config.Threads} | {seconds.Length} | {median:F2} | {sorted[0]:F2} | {sorted[^1]:F2} | " +
            $"{steps} | {steps / median:F1} | {(double.IsNaN(loss) ? "" : loss.ToString("F4", CultureInfo.InvariantCulture))} | {LoadAverage().Split(' ')[0]} |");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
