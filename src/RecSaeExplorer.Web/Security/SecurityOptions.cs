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

    /// <summary>Visitors who have not signed in browse as <c>viewer</c>; false requires a sign-in for every page.</summary>
    public bool AnonymousViewer { get; set; } = true;

    /// <summary>Jobs one person may have queued or running at once (a β sweep counts one per SAE).</summary>
    public int MaxQueuedJobsPerUser { get; set; } = 8;

    /// <summary>Most β values in one sweep.</summary>
    public int MaxSweepSize { get; set; } = 8;

    /// <summary>Jobs queued or running in the whole explorer; each training holds a model in memory.</summary>
    public int MaxQueuedJobs { get; set; } = 32;

    /// <summary>Requests per minute per client on the heavy endpoints (sign-in, CSV exports).</summary>
    public int HeavyRequestsPerMinute { get; set; } = 30;

    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}

/// <summary>Optional single sign-on; enabled when <see cref="Authority"/> and <see cref="ClientId"/> are set.</summary>
public sealed class OpenIdConnectSettings
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim holding the explorer role(s), e.g. "roles" or "groups"; values that are not role names are ignored.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Role of a signed-in person whose token names none.</summary>
    public string DefaultRole { get; set; } = "viewer";

    /// <summary>What the sign-in page's button says.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
