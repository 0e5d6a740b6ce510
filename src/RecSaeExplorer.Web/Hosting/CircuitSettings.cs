using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;

namespace RecSaeExplorer.Web.Hosting;

/// <summary>
/// Blazor Server circuit limits, bound from the "Circuits" section. Defaults are sized for about 50 concurrent
/// sessions on a small server: each retained or live circuit holds its lab state (a few MB with a cached sweep).
/// </summary>
public sealed class CircuitSettings
{
    public const string SectionName = "Circuits";

    /// <summary>Circuits kept after their browser went away (flaky Wi-Fi, a laptop lid): twice the expected sessions.</summary>
    public int DisconnectedCircuitMaxRetained { get; set; } = 100;

    /// <summary>How long such a circuit waits for its browser to reconnect before its state is dropped.</summary>
    public TimeSpan DisconnectedCircuitRetentionPeriod { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// A JS call (Plotly drawing, the lab's URL update) that takes longer than this fails. Kept at the framework's minute:
    /// a timed-out URL update is unhandled and ends the circuit, and with 30 s the lab-latency run (10 signed-in sessions
    /// on 2 busy cores) lost a circuit that way.
    /// </summary>
    public TimeSpan JSInteropDefaultCallTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Render batches sent but not yet acknowledged before the server waits for a slow client (back-pressure).</summary>
    public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 10;

    /// <summary>Largest message a browser may send: 64 KB holds a pasted intervention spec (SignalR's default is 32 KB).</summary>
    public long MaximumReceiveMessageSize { get; set; } = 64 * 1024;

    public void ApplyTo(CircuitOptions o)
    {
        o.DisconnectedCircuitMaxRetained = DisconnectedCircuitMaxRetained;
        o.DisconnectedCircuitRetentionPeriod = DisconnectedCircuitRetentionPeriod;
        o.JSInteropDefaultCallTimeout = JSInteropDefaultCallTimeout;
        o.MaxBufferedUnacknowledgedRenderBatches = MaxBufferedUnacknowledgedRenderBatches;
    }

    public void ApplyTo(HubOptions o) => o.MaximumReceiveMessageSize = MaximumReceiveMessageSize;

    /// <summary>Registers Blazor Server with these limits from configuration.</summary>
    public static IServerSideBlazorBuilder AddInteractiveServer(IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(SectionName).Get<CircuitSettings>() ?? new CircuitSettings();
        return builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(settings.ApplyTo)
            .AddHubOptions(settings.ApplyTo);
    }
}
