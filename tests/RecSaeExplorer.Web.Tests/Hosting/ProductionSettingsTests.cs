using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Hosting;

/// <summary>What a deployment relies on from configuration: the circuit limits, and a key ring in the state folder that outlives the process.</summary>
public sealed class ProductionSettingsTests : IDisposable
{
    private readonly string _state = TestPaths.NewTempFolder();

    [Fact]
    public async Task The_key_ring_is_kept_in_the_state_folder_so_a_restarted_explorer_reads_what_the_previous_one_protected()
    {
        string protectedText;
        await using (var first = Explorer())
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("signed-in cookie");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_state, "keys"), "key-*.xml"));

        await using var second = Explorer();
        Assert.Equal("signed-in cookie", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public async Task Circuit_and_hub_limits_have_the_documented_defaults_and_follow_configuration()
    {
        await using (var defaults = Explorer())
        {
            var circuit = defaults.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
            Assert.Equal((100, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1), 10),
                (circuit.DisconnectedCircuitMaxRetained, circuit.DisconnectedCircuitRetentionPeriod, circuit.JSInteropDefaultCallTimeout,
                    circuit.MaxBufferedUnacknowledgedRenderBatches));
            Assert.Equal(64 * 1024, ComponentHubOptions(defaults).MaximumReceiveMessageSize);
            Assert.Equal(TimeSpan.FromMinutes(1), defaults.Services.GetRequiredService<IOptions<ConnectionOptions>>().Value.DisconnectTimeout);
        }
        await using var configured = Explorer(("Circuits:DisconnectedCircuitMaxRetained", "7"), ("Circuits:JSInteropDefaultCallTimeout", "00:00:05"),
            ("Circuits:MaximumReceiveMessageSize", "1000"), ("Circuits:NegotiatedConnectionTimeout", "00:00:20"));
        var options = configured.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        Assert.Equal((7, TimeSpan.FromSeconds(5)), (options.DisconnectedCircuitMaxRetained, options.JSInteropDefaultCallTimeout));
        Assert.Equal(1000, ComponentHubOptions(configured).MaximumReceiveMessageSize);
        Assert.Equal(TimeSpan.FromSeconds(20), configured.Services.GetRequiredService<IOptions<ConnectionOptions>>().Value.DisconnectTimeout);
    }

    // Blazor's hub type is internal; its options are what AddHubOptions configures.
    private static HubOptions ComponentHubOptions(WebApplicationFactory<Program> app)
    {
        var hub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var options = app.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)));
        return (HubOptions)options.GetType().GetProperty("Value")!.GetValue(options)!;
    }

    private WebApplicationFactory<Program> Explorer(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Explorer:StorePath", Path.Combine(_state, "store.db"));
            b.UseSetting("Explorer:TrainDefaultRunOnStart", "false");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.ConfigureServices(s => s.AddSingleton(new ProductPaths(TestPaths.ShippedData, _state)));
        });

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
