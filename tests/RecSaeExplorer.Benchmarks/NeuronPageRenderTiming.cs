using System.Diagnostics;
using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Benchmarks;

/// <summary>
/// Server-side render time of the neuron page (target: median under 200 ms on ML-1M): opens an SAE run from a
/// copy of the given store (the original is never written), then renders the page with bunit for one neuron
/// after another (those active on some item) until its top items are in the markup. The run is opened, and each neuron's decoder probe
/// computed, in a warm-up pass first, as the shared catalog would have them in a running explorer.
/// Run: <c>dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- neuron-render store=… home=… [run=…] [renders=60]</c>;
/// home is the RECSAE_HOME whose datasets/ holds ML-1M; without run, the newest ML-1M SAE run is used.
/// </summary>
internal static class NeuronPageRenderTiming
{
    public const string Command = "neuron-render";

    public static async Task RunAsync(string[] args)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        string store = options.GetValueOrDefault("store") ?? throw new ArgumentException("store=<path to store.db> is required.");
        string home = options.GetValueOrDefault("home") ?? throw new ArgumentException("home=<RECSAE_HOME with datasets/ml-1m> is required.");
        int renders = int.Parse(options.GetValueOrDefault("renders", "60"), CultureInfo.InvariantCulture);
        string copy = Path.Combine(Path.GetTempPath(), "recsae-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        File.Copy(store, Path.Combine(copy, "store.db"));
        try
        {
            await MeasureAsync(Path.Combine(copy, "store.db"), home, options.GetValueOrDefault("run"), renders);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static async Task MeasureAsync(string store, string home, string? runId, int renders)
    {
        var paths = new ProductPaths(TestPaths.ShippedData, home);
        var explorer = Options.Create(new ExplorerOptions { StorePath = store });
        var datasets = new DatasetService(new DatasetCatalog(paths), explorer, NullLogger<DatasetService>.Instance);
        using var runs = new RunCatalog(explorer, paths, datasets, NullLogger<RunCatalog>.Instance);
        using var concepts = new ConceptCatalog(runs, NullLogger<ConceptCatalog>.Instance);
        runId ??= concepts.SaeRuns().FirstOrDefault(r => r.DatasetName == "ml-1m")?.Id ?? throw new InvalidOperationException("No ML-1M SAE run in the store.");
        var clock = Stopwatch.StartNew();
        using var lease = await concepts.LeaseAsync(runId);
        var sae = lease.Value;
        Console.WriteLine($"Opened {runId} ({sae.Dataset.Name}, {sae.Width} neurons, {sae.Dataset.Items.Count} items, {sae.Dataset.Users.Count} users) in {clock.ElapsedMilliseconds} ms.");

        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(runs);
        ctx.Services.AddSingleton(concepts);
        // The layout hosts the popover provider in the app; the page's tooltips need it.
        ctx.Render<MudBlazor.MudPopoverProvider>();
        var neurons = Enumerable.Range(0, sae.Width).Where(k => sae.Profiles[k].TopItems.Count > 0).Take(renders).ToList();
        foreach (int k in neurons) await sae.ProbeAsync(k);
        await RenderAsync(ctx, runId, neurons[0]);

        var times = new List<double>();
        for (int i = 0; i < renders; i++) times.Add(await RenderAsync(ctx, runId, neurons[i % neurons.Count]));
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Neuron page, {renders} renders over {neurons.Count} neurons: median {Percentile(times, 0.5):F1} ms, p95 {Percentile(times, 0.95):F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms."));
    }

    /// <summary>Milliseconds from the render call until the top-items table is in the markup.</summary>
    private static async Task<double> RenderAsync(BunitContext ctx, string runId, int neuron)
    {
        var clock = Stopwatch.StartNew();
        var cut = ctx.Render<NeuronPage>(p => p.Add(c => c.RunId, runId).Add(c => c.Neuron, neuron));
        cut.WaitForElement("tr.top-item", TimeSpan.FromSeconds(30));
        if (cut.FindAll(".mud-alert").Count > 0) throw new InvalidOperationException(cut.Find(".mud-alert").TextContent);
        double ms = clock.Elapsed.TotalMilliseconds;
        await ctx.DisposeComponentsAsync();
        return ms;
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
