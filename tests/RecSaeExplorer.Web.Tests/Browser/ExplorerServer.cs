using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Core.Hosting;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>
/// The real explorer, in the test process (<see cref="WebApplicationFactory{TEntryPoint}"/> with Kestrel on a free
/// loopback port, so a real browser can reach it), in the Development environment, which serves the static web
/// assets of a non-published build. State goes to a temp folder, which a subclass may fill before the start; the
/// store gets the <see cref="TestAccounts"/> (one per role) unless <see cref="SeedAccounts"/> says not to.
/// </summary>
public class ExplorerServer : IAsyncLifetime
{
    private readonly string _state = TestPaths.NewTempFolder();
    private WebApplicationFactory<Program>? _factory;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How long the home page took to answer after the host was started.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The page requested once the host runs; it must answer 200.</summary>
    protected virtual string ProbePath => "";

    /// <summary>Extra configuration (keys as in appsettings.json, sections joined by ':').</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>False for a server started on a store that must stay as prepared (a foreign or damaged file).</summary>
    protected virtual bool SeedAccounts => true;

    /// <summary>Fills the state folder (e.g. trains runs into its store) before the explorer starts on it.</summary>
    protected virtual Task PrepareAsync(string stateFolder) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await PrepareAsync(_state);
        if (SeedAccounts) await TestAccounts.SeedAsync(Path.Combine(_state, "store.db"));
        var clock = Stopwatch.StartNew();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            // Everything the explorer keeps goes to this server's folder, whatever the caller's environment says.
            host.UseSetting("Explorer:StorePath", Path.Combine(_state, "store.db"));
            host.UseSetting("Security:DataProtectionKeys", Path.Combine(_state, "keys"));
            // Training the default run would compete with the browser for the two cores; these tests do not need it.
            host.UseSetting("Explorer:TrainDefaultRunOnStart", "false");
            foreach (var (key, value) in Settings) host.UseSetting(key, value);
            host.ConfigureServices(services => services.AddSingleton(new ProductPaths(TestPaths.ShippedData, _state)));
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        string address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        using var response = await http.GetAsync(new Uri(BaseAddress, ProbePath));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{ProbePath} answered {response.StatusCode}");
        StartupTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}
