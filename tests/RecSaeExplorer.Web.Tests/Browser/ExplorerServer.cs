using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>
/// The real explorer in its own process on a free loopback port, started from the copy of the app the
/// test build puts beside the tests, in the Development environment (which serves the static web
/// assets of a non-published build). State goes to a temp folder, which a subclass may fill before the start;
/// the store gets the <see cref="TestAccounts"/> (one per role) unless <see cref="SeedAccounts"/> says not to.
/// </summary>
public class ExplorerServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly StringBuilder _output = new();
    private readonly string _state = TestPaths.NewTempFolder();
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How long the home page took to answer after the process was started.</summary>
    public TimeSpan StartupTime { get; private set; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The page polled until the explorer answers 200.</summary>
    protected virtual string ProbePath => "";

    /// <summary>Extra environment variables (configuration overrides) for the explorer process.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>False for a server started on a store that must stay as prepared (a foreign or damaged file).</summary>
    protected virtual bool SeedAccounts => true;

    /// <summary>Fills the state folder (e.g. trains runs into its store) before the explorer starts on it.</summary>
    protected virtual Task PrepareAsync(string stateFolder) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await PrepareAsync(_state);
        if (SeedAccounts) await TestAccounts.SeedAsync(Path.Combine(_state, "store.db"));
        int port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        string appDir = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(appDir, "RecSaeExplorer.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["RECSAE_HOME"] = _state;
        start.Environment["RECSAE_STORE"] = ""; // the store goes under RECSAE_HOME, whatever the caller's shell says
        // Training the default run would compete with the browser for the two cores; these tests do not need it.
        start.Environment["Explorer__TrainDefaultRunOnStart"] = "false";
        foreach (var (key, value) in Settings) start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the explorer.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The explorer exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, ProbePath));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    StartupTime = clock.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer its first page (several servers starting on 2 busy cores): ask again until StartTimeout.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The explorer did not answer within {StartTimeout}:\n{Output}");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
