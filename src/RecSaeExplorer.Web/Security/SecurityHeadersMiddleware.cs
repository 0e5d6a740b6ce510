namespace RecSaeExplorer.Web.Security;

/// <summary>
/// Headers on every response: no MIME sniffing (a CSV or JSON download is never run as script), no framing by
/// other sites (clickjacking of lab buttons), and no referrer leaking lab state from URLs to other sites.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
