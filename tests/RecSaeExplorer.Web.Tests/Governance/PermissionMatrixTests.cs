using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Identity;
using RecSaeExplorer.Web.Security;

namespace RecSaeExplorer.Web.Tests.Governance;

public sealed class PermissionMatrixTests
{
    private static ClaimsPrincipal User(string name, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    [Theory]
    [InlineData("viewer", "View")]
    [InlineData("analyst", "View,Train,CancelOwnJob,RenameNeuron,SaveExperiment")]
    [InlineData("governor", "View,Train,CancelOwnJob,RenameNeuron,SaveExperiment,ReviewProposals")]
    [InlineData("admin", "View,Train,CancelOwnJob,RenameNeuron,SaveExperiment,ReviewProposals,CancelAnyJob,DeleteRun,ManageUsers,ViewAudit")]
    public void Each_role_has_exactly_its_row_of_the_matrix(string role, string allowed)
    {
        var expected = allowed.Split(',').Select(Enum.Parse<Permission>).ToHashSet();
        foreach (var permission in Enum.GetValues<Permission>())
            Assert.Equal(expected.Contains(permission), PermissionMatrix.Allows(User("x", role), permission, anonymousViewer: true));
    }

    [Fact]
    public void Anonymous_visitors_are_viewers_only_when_configured_and_unknown_roles_count_as_viewer()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        Assert.True(PermissionMatrix.Allows(anonymous, Permission.View, anonymousViewer: true));
        Assert.False(PermissionMatrix.Allows(anonymous, Permission.Train, anonymousViewer: true));
        Assert.False(PermissionMatrix.Allows(anonymous, Permission.View, anonymousViewer: false));
        Assert.Equal(Roles.Viewer, PermissionMatrix.RoleOf(User("x", "superuser"), true));
        Assert.Equal(Roles.Governor, PermissionMatrix.RoleOf(User("x", "analyst", "governor"), true));
    }

    [Fact]
    public void Single_sign_on_roles_come_from_the_configured_claim_highest_known_wins()
    {
        var settings = new OpenIdConnectSettings { RoleClaim = "groups", DefaultRole = "viewer" };
        var external = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "42"), new Claim("preferred_username", "gina@example.org"), new Claim("groups", "staff"), new Claim("groups", "Governor")], "oidc"));
        var mapped = OidcRoles.Map(external, settings);
        Assert.Equal("gina@example.org", mapped.Identity!.Name);
        Assert.Equal(Roles.Governor, PermissionMatrix.RoleOf(mapped, false));
        Assert.True(OidcRoles.IsExternal(mapped));

        var none = OidcRoles.Map(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "7")], "oidc")), settings);
        Assert.Equal(Roles.Viewer, PermissionMatrix.RoleOf(none, false));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5180", "127.0.0.1:5180", true)]
    [InlineData("http://localhost:5180", "localhost:5180", true)]
    [InlineData("http://evil.example", "127.0.0.1:5180", false)]
    [InlineData("http://127.0.0.1:6666", "127.0.0.1:5180", false)]
    [InlineData("null", "127.0.0.1:5180", false)]
    [InlineData("https://explorer.example.org", "127.0.0.1:5180", true)] // configured
    public void Circuit_origins_are_same_origin_or_configured(string origin, string host, bool allowed)
    {
        var request = new DefaultHttpContext().Request;
        request.Host = new HostString(host);
        Assert.Equal(allowed, CircuitOriginMiddleware.IsAllowed(origin, request, ["https://explorer.example.org"]));
    }

    [Theory]
    [InlineData("/runs", "/runs")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData(null, "/")]
    public void Sign_in_returns_only_to_local_paths(string? returnUrl, string expected) =>
        Assert.Equal(expected, AccountEndpoints.SafeReturn(returnUrl));
}
