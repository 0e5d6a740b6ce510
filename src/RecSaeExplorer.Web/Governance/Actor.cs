using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using RecSaeExplorer.Engine.Accounts;
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

/// <summary>
/// Resolves the <see cref="Actor"/> of the current circuit from its authentication state. A circuit keeps the principal it
/// was opened with for hours, so for a local account the role is read again from the store on every call (a cheap look-up
/// by id): a demoted, removed or password-reset account acts with its new rights (or none) from its next action on.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, IOptionsMonitor<SecurityOptions> options, IServiceProvider services)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        bool anonymousViewer = options.CurrentValue.AnonymousViewer;
        var actor = Actor.Of(state.User, anonymousViewer);
        return actor.IsAuthenticated ? Recheck(actor, state.User, anonymousViewer) : actor;
    }

    private Actor Recheck(Actor actor, ClaimsPrincipal user, bool anonymousViewer)
    {
        // Only principals made from a local account carry Identity's security stamp; single sign-on ones keep their token's role.
        var claims = services.GetService<IOptions<IdentityOptions>>()?.Value.ClaimsIdentity ?? new ClaimsIdentityOptions();
        if (user.FindFirst(claims.SecurityStampClaimType)?.Value is not { } stamp
            || user.FindFirst(claims.UserIdClaimType)?.Value is not { } id
            || services.GetService<IAccountRepository>() is not { } accounts) return actor;
        return accounts.FindAccount(id) is { } account && account.SecurityStamp == stamp
            ? actor with { Name = account.UserName, Role = account.Role }
            : new Actor(Actor.Anonymous, anonymousViewer ? Roles.Viewer : null, false);
    }
}
