using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Web.Security;

namespace RecSaeExplorer.Web.Governance;

/// <summary>Who is acting in this circuit: the signed-in identity (never a typed name) and the role they act with.</summary>
public sealed record Actor(string Name, string? Role, bool IsAuthenticated)
{
    public const string Anonymous = "anonymous";

    public bool Can(Permission permission) => PermissionMatrix.Allows(Role, permission);

    public static Actor Of(ClaimsPrincipal? user, bool anonymousViewer) => new(
        user?.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "?" : Anonymous,
        PermissionMatrix.RoleOf(user, anonymousViewer),
        user?.Identity?.IsAuthenticated == true);
}

/// <summary>Resolves the <see cref="Actor"/> of the current circuit from its authentication state.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, IOptionsMonitor<SecurityOptions> options)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Actor.Of(state.User, options.CurrentValue.AnonymousViewer);
    }
}
