using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Engine.Accounts;

namespace RecSaeExplorer.Web.Identity;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for the HTTP API: the token's hash names a local account, whose
/// role then applies exactly as after a sign-in (same claims factory, same policies). The account is looked
/// up on every request, so removing it or issuing a new token revokes the old one at once.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IAccountRepository accounts, IUserClaimsPrincipalFactory<Account> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string BearerPrefix = "Bearer ";

    /// <summary>True when the request carries a bearer token (so the token scheme, not the cookie, decides).</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request)) return AuthenticateResult.NoResult();
        string token = Request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed API token.");
        if (accounts.FindAccountByApiToken(ApiTokens.Hash(token)) is not { } account)
            return AuthenticateResult.Fail("Unknown or revoked API token.");
        var principal = await principals.CreateAsync(account);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(principal.Identities), SchemeName));
    }
}

