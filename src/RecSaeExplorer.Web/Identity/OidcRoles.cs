using System.Security.Claims;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Web.Security;

namespace RecSaeExplorer.Web.Identity;

/// <summary>
/// Turns an OpenID Connect principal into an explorer one: the highest known role named in the configured
/// claim (or the default role), a display name, and a marker that there is no local account behind it.
/// </summary>
public static class OidcRoles
{
    public const string SourceClaim = "recsae:source";
    public const string External = "oidc";

    public static ClaimsPrincipal Map(ClaimsPrincipal external, OpenIdConnectSettings settings)
    {
        var values = external.FindAll(settings.RoleClaim).Select(c => c.Value)
            .Concat(external.FindAll(ClaimTypes.Role).Select(c => c.Value));
        string role = values.Where(Roles.IsKnown).Select(Roles.Canonical).OrderByDescending(Roles.Rank).FirstOrDefault()
            ?? (Roles.IsKnown(settings.DefaultRole) ? Roles.Canonical(settings.DefaultRole) : Roles.Viewer);
        string name = external.FindFirst("preferred_username")?.Value ?? external.FindFirst("name")?.Value
            ?? external.FindFirst(ClaimTypes.Name)?.Value ?? external.FindFirst("sub")?.Value ?? "sso-user";
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(SourceClaim, External),
             new Claim(ClaimTypes.NameIdentifier, external.FindFirst("sub")?.Value ?? name)],
            "oidc", ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static bool IsExternal(ClaimsPrincipal? principal) => principal?.HasClaim(SourceClaim, External) == true;
}
