using Microsoft.Extensions.Options;

namespace RecSaeExplorer.Web.Security;

/// <summary>
/// Refuses a <c>/_blazor</c> request (negotiate, WebSocket, long polling) sent by a page of a foreign origin.
/// Browsers do not apply CORS to WebSockets, so without this a page on any site could open a circuit to a
/// locally running explorer with the visitor's cookies (cross-site WebSocket hijacking, DNS rebinding).
/// Requests without an Origin header come from non-browser clients, which cannot carry a victim's session.
/// </summary>
public sealed class CircuitOriginMiddleware(RequestDelegate next, IOptionsMonitor<SecurityOptions> options, ILogger<CircuitOriginMiddleware> log)
{
    public const string CircuitPath = "/_blazor";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(CircuitPath)
            && context.Request.Headers.Origin is { Count: > 0 } origin
            && !IsAllowed(origin.ToString(), context.Request, options.CurrentValue.AllowedOrigins))
        {
            log.LogWarning("Refused a circuit request from origin {Origin} to host {Host}.", origin.ToString(), context.Request.Host.Value);
            // A body, so the status-code pages do not re-execute the request as a page.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Origin not allowed.");
            return;
        }
        await next(context);
    }

    /// <summary>Same origin as the request (host and port, any scheme: a TLS-terminating proxy changes it) or a configured one.</summary>
    public static bool IsAllowed(string origin, HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        if (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)) return true;
        return allowed.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var ok)
            && string.Equals(ok.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(ok.Authority, uri.Authority, StringComparison.OrdinalIgnoreCase));
    }
}
