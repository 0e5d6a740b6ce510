using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Web.Security;

namespace RecSaeExplorer.Web.Governance;

/// <summary>A policy per <see cref="Permission"/>, decided by <see cref="PermissionMatrix"/> (so pages, endpoints and services agree).</summary>
public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

public sealed class PermissionHandler(IOptionsMonitor<SecurityOptions> options) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (PermissionMatrix.Allows(context.User, requirement.Permission, options.CurrentValue.AnonymousViewer)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public static class PermissionPolicies
{
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in Enum.GetValues<Permission>())
            builder.AddPolicy(permission.ToString(), p => p.AddRequirements(new PermissionRequirement(permission)));
        return builder;
    }
}
