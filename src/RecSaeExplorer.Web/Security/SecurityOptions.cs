namespace RecSaeExplorer.Web.Security;

/// <summary>Settings of the "Security" configuration section (hosts are the framework's own <c>AllowedHosts</c>).</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Origins (scheme://host[:port]) whose pages may open the Blazor circuit (<c>/_blazor</c>). Empty means
    /// same-origin only: the page must come from the host the request was sent to, which AllowedHosts
    /// already restricts (loopback by default). Add the public origin when serving behind a proxy.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
