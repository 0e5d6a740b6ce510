using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http.Connections;
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
    /// A JS call (Plotly drawing) that takes longer than this fails; the framework's minute. Address-bar updates have their
    /// own shorter timeout and never end the circuit (<c>AddressBar</c>).
    /// </summary>
    public TimeSpan JSInteropDefaultCallTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Render batches sent but not yet acknowledged before the server waits for a slow client (back-pressure).</summary>
    public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 10;

    /// <summary>Largest message a browser may send: 64 KB holds a pasted intervention spec (SignalR's default is 32 KB).</summary>
    public long MaximumReceiveMessageSize { get; set; } = 64 * 1024;

    /// <summary>
    /// How long a connection the browser has negotiated may wait for its WebSocket (and an idle long-polling one for its next
    /// poll) before the server forgets it. The framework's 15 s was too short for a starved tab: with 50 sessions on 2 cores,
    /// WebSockets opened after that got a 404 and those pages fell back to long polling, which then missed moves.
    /// </summary>
    public TimeSpan NegotiatedConnectionTimeout { get; set; } = TimeSpan.FromMinutes(1);

    public void ApplyTo(CircuitOptions o)
    {
        o.DisconnectedCircuitMaxRetained = DisconnectedCircuitMaxRetained;
        o.DisconnectedCircuitRetentionPeriod = DisconnectedCircuitRetentionPeriod;
        o.JSInteropDefaultCallTimeout = JSInteropDefaultCallTimeout;
        o.MaxBufferedUnacknowledgedRenderBatches = MaxBufferedUnacknowledgedRenderBatches;
    }

    public void ApplyTo(HubOptions o) => o.MaximumReceiveMessageSize = MaximumReceiveMessageSize;

    public void ApplyTo(ConnectionOptions o) => o.DisconnectTimeout = NegotiatedConnectionTimeout;

    /// <summary>Registers Blazor Server with these limits from configuration.</summary>
    public static IServerSideBlazorBuilder AddInteractiveServer(IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(SectionName).Get<CircuitSettings>() ?? new CircuitSettings();
        builder.Services.Configure<ConnectionOptions>(settings.ApplyTo);
        return builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(settings.ApplyTo)
            .AddHubOptions(settings.ApplyTo);
    }
}
