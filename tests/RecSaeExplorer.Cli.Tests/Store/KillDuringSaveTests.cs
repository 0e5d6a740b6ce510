using System.Diagnostics;
using System.Globalization;
using System.Text;
using RecSaeExplorer.Engine.Runs.Integrity;
using RecSaeExplorer.Engine.Runs.Maintenance;
using Xunit.Abstractions;

namespace RecSaeExplorer.Cli.Tests.Store;

/// <summary>
/// SIGKILL of a real <c>recsae rec train</c> process, 20 times, at times spread over the end of its
/// training, evaluation and save: the store never holds a half run (every listed run has whole weights).
/// </summary>
public sealed class KillDuringSaveTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 20;
    private readonly string _folder = TestPaths.NewTempFolder();

    [Fact]
    public async Task Kill_9_during_save_never_leaves_a_half_run()
    {
        string data = TinyMovieLens(Path.Combine(_folder, "data"));
        string store = Path.Combine(_folder, "store.db");
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, await RunAsync(data, store, killAfter: null));
        double whole = clock.Elapsed.TotalSeconds;
        int expected = 1, stored = 0, killed = 0;
        var random = new Random(18);
        for (int i = 0; i < Kills; i++)
        {
            // Spread over the last 45% of a whole run, where evaluation and the save happen.
            var delay = TimeSpan.FromSeconds(whole * (0.55 + 0.5 * random.NextDouble()));
            int? exit = await RunAsync(data, store, delay);
            if (exit == 0) { expected++; stored++; }
            else if (exit is null) killed++;
            var report = StoreCheck.Run(store);
            int listed = report.Intact.Count;
            Assert.True(report.Lost.Count == 0 && report.OrphanWeights.Count == 0 && report.Damage is null,
                $"kill {i} after {delay.TotalSeconds:F2} s: lost {string.Join(", ", report.Lost)}, orphans {report.OrphanWeights.Count}, damage {report.Damage}");
            // A killed process either stored its whole run (the kill came after the commit) or nothing.
            Assert.InRange(listed, expected, expected + 1);
            expected = listed;
        }
        using (var reopened = new Engine.Runs.RunStore(store)) Assert.Equal(expected, reopened.List().Count);
        output.WriteLine($"whole run {whole:F1} s; {Kills} attempts: {killed} killed mid-way, {stored} finished; {expected} runs stored, none half.");
    }

    /// <summary>The exit code, or null when the process was killed.</summary>
    private static async Task<int?> RunAsync(string data, string store, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "recsae.dll"), "rec", "train", "--model", "mf", "--preset", "tuned",
                     "--epochs", "1", "--dim", "256", "--data-dir", data, "--store", store, "--json" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Linux
            await process.WaitForExitAsync();
            await drain;
            return null;
        }
        await process.WaitForExitAsync();
        await drain;
        return process.ExitCode;
    }

    /// <summary>An ml-latest-small-shaped folder: 300 users, 400 movies, ~12,000 ratings.</summary>
    internal static string TinyMovieLens(string folder)
    {
        Directory.CreateDirectory(folder);
        var movies = new StringBuilder("movieId,title,genres\n");
        for (int m = 1; m <= 400; m++) movies.Append(CultureInfo.InvariantCulture, $"{m},Movie {m} ({1950 + m % 60}),{(m % 2 == 0 ? "Drama" : "Comedy")}\n");
        var ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        var random = new Random(5);
        for (int u = 1; u <= 300; u++)
            foreach (int m in Enumerable.Range(1, 400).OrderBy(_ => random.Next()).Take(40).Order())
                ratings.Append(CultureInfo.InvariantCulture, $"{u},{m},4.0,964982703\n");
        File.WriteAllText(Path.Combine(folder, "movies.csv"), movies.ToString());
        File.WriteAllText(Path.Combine(folder, "ratings.csv"), ratings.ToString());
        return folder;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
