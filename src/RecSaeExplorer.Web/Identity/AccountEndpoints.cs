using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Governance;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Security;

namespace RecSaeExplorer.Web.Identity;

/// <summary>
/// The form posts of the sign-in pages. Plain endpoints bound from the form, so ASP.NET Core validates the
/// antiforgery token the pages render; every outcome is audited and answers with a redirect.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPage = "/account/login";
    public const string OidcScheme = "oidc";
    public const string HeavyPolicy = "heavy";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Reachable without a sign-in even when anonymous browsing is off (the fallback policy would otherwise lock everyone out).
        var account = endpoints.MapGroup("/account").AllowAnonymous();

        account.MapPost("/signin", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInManager<Account> signIn, AuditLog audit) =>
        {
            string name = (userName ?? "").Trim();
            if (name.Length is 0 or > 64 || string.IsNullOrEmpty(password) || password.Length > 256)
                return Results.LocalRedirect($"{LoginPage}?error=invalid");
            var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                audit.Append(name, AuditActions.SignIn, name, after: "local");
                return Results.LocalRedirect(SafeReturn(returnUrl));
            }
            audit.Append(name, AuditActions.SignInFailed, name, after: result.IsLockedOut ? "locked out" : "wrong name or password");
            return Results.LocalRedirect($"{LoginPage}?error={(result.IsLockedOut ? "locked" : "invalid")}");
        }).RequireRateLimiting(HeavyPolicy);

        account.MapPost("/logout", async (HttpContext http, AuditLog audit) =>
        {
            string name = http.User.Identity?.Name ?? Actor.Anonymous;
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            if (http.User.Identity?.IsAuthenticated == true) audit.Append(name, AuditActions.SignOut, name);
            return Results.LocalRedirect("/");
        });

        account.MapPost("/create-admin", async ([FromForm] string? token, [FromForm] string? userName, [FromForm] string? password,
            FirstAdminSetup setup, UserManager<Account> users, SignInManager<Account> signIn, AuditLog audit) =>
        {
            if (!setup.Matches(token)) return Results.LocalRedirect($"{FirstAdminSetup.Path}?error=token");
            string query = $"{FirstAdminSetup.Path}?token={Uri.EscapeDataString(token!)}";
            if (string.IsNullOrWhiteSpace(userName) || userName.Length > 64 || string.IsNullOrEmpty(password) || password.Length > 256)
                return Results.LocalRedirect($"{query}&error=invalid");
            var (created, error) = await users.CreateAsync(userName, Roles.Admin, password);
            if (created is null) return Results.LocalRedirect($"{query}&error={Uri.EscapeDataString(error!)}");
            setup.TrySpend(token);
            audit.Append(created.UserName, AuditActions.UserManaged, created.UserName, after: $"created, role {Roles.Admin} (first admin)");
            await signIn.SignInAsync(created, isPersistent: false);
            return Results.LocalRedirect("/");
        }).RequireRateLimiting(HeavyPolicy);

        account.MapGet("/sso", (string? returnUrl, IOptions<SecurityOptions> options) =>
            options.Value.OpenIdConnect.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturn(returnUrl) }, [OidcScheme])
                : Results.NotFound());

        return endpoints;
    }

    /// <summary>Only local paths: an open redirect after sign-in would hand the session's first page to another site.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/";
}
