using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Benchmarks;

/// <summary>
/// The explorer's memory over a long session, through its own services (training queue, run and
/// concept catalogs; no HTTP): trains a recommender and then SAEs on it through the queue, one job after
/// another, noting the resident set after 2 and after all trainings (idle, after a full GC), then opens
/// every SAE run in turn as a page would (lease, use, release) and notes it again.
/// Run: <c>dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- explorer-memory [trainings=22] [steps=300] [epochs=10] [trim=1]</c>;
/// trim=0 measures without giving freed native memory back to the OS first.
/// </summary>
internal static class ExplorerMemory
{
    public const string Command = "explorer-memory";

    public static async Task RunAsync(string[] args)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        int trainings = int.Parse(options.GetValueOrDefault("trainings", "22"), CultureInfo.InvariantCulture);
        int steps = int.Parse(options.GetValueOrDefault("steps", "300"), CultureInfo.InvariantCulture);
        int epochs = int.Parse(options.GetValueOrDefault("epochs", "10"), CultureInfo.InvariantCulture);
        _trim = options.GetValueOrDefault("trim", "1") == "1";
        string folder = Path.Combine(Path.GetTempPath(), "recsae-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var paths = new ProductPaths(TestPaths.ShippedData, folder);
            var explorer = Options.Create(new ExplorerOptions { StorePath = Path.Combine(folder, "store.db") });
            var datasets = new DatasetService(new DatasetCatalog(paths), explorer, NullLogger<DatasetService>.Instance);
            using var runs = new RunCatalog(explorer, paths, datasets, NullLogger<RunCatalog>.Instance);
            using var concepts = new ConceptCatalog(runs, NullLogger<ConceptCatalog>.Instance, explorer);
            var queue = new TrainingQueue(NullLogger<TrainingQueue>.Instance);
            using var stop = new CancellationTokenSource();
            var worker = queue.ProcessAsync(new EngineTrainingRunner(datasets, runs), stop.Token);
            var clock = Stopwatch.StartNew();
            Report("start", clock);

            var recommender = await TrainAsync(queue, new RecommenderTrainingRequest(DatasetCatalog.DefaultName, RecommenderModel.Mf, "tuned") { Epochs = epochs });
            string[] presets = [SaePresets.Compact, SaePresets.Paper, SaePresets.TopK];
            for (int i = 1; i < trainings; i++)
            {
                await TrainAsync(queue, new SaeTrainingRequest(DatasetCatalog.DefaultName, recommender, presets[i % presets.Length], null, i) { Steps = steps });
                if (i == 1) Report("after 2 trainings", clock);
            }
            Report($"after {trainings} trainings", clock);

            foreach (var run in concepts.SaeRuns())
            {
                using var lease = await concepts.LeaseAsync(run.Id);
                _ = await lease.Value.TopListAsync(0);
            }
            Report($"after opening {concepts.SaeRuns().Count} SAE runs in turn (kept: {concepts.OpenRunIds.Count}, recommenders: {runs.LoadedRecommenderIds.Count})", clock);
            await stop.CancelAsync();
            try
            {
                await worker;
            }
            catch (OperationCanceledException)
            {
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> TrainAsync(TrainingQueue queue, TrainingRequest request)
    {
        var job = queue.Enqueue(request);
        while (!job.IsFinished) await Task.Delay(100);
        return job.Status == JobStatus.Succeeded ? job.RunId! : throw new InvalidOperationException($"{request.Title}: {job.Status} {job.Error}");
    }

    private static bool _trim;

    private static void Report(string when, Stopwatch clock)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (_trim) RecSaeExplorer.Engine.Torch.NativeMemory.Trim();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{when,-70} RSS {process.WorkingSet64 / 1048576.0,8:F0} MB   managed {GC.GetTotalMemory(false) / 1048576.0,6:F0} MB   {clock.Elapsed.TotalSeconds,6:F0} s"));
    }
}
