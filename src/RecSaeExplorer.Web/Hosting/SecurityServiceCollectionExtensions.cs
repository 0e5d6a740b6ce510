using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Engine.Accounts;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Identity;
using RecSaeExplorer.Web.Security;

namespace RecSaeExplorer.Web.Hosting;

/// <summary>
/// Sign-in, roles and the protections around them, in three calls from Program.cs: services, middleware, endpoints.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    private const string ExplorerScheme = "Explorer";

    public static IHostApplicationBuilder AddExplorerSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(SecurityOptions.SectionName);
        services.AddOptions<SecurityOptions>().Bind(section);
        var settings = section.Get<SecurityOptions>() ?? new SecurityOptions();

        // No "Server: Kestrel" banner.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        // The key ring protects the sign-in cookies and antiforgery tokens: kept in the state folder (or a configured
        // one, e.g. shared by instances) so a restart does not sign everyone out or break open forms.
        services.AddDataProtection().SetApplicationName("RecSaeExplorer");
        services.AddOptions<KeyManagementOptions>().Configure<ProductPaths>((o, paths) =>
            o.XmlRepository ??= new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                new DirectoryInfo(DataProtectionKeysFolder(builder.Configuration, paths)), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

        // Local accounts: Identity's UserManager and SignInManager over the LiteDB store, cookie sign-in.
        services.AddSingleton<IAccountRepository, CatalogAccounts>();
        services.AddAccounts(sp => sp.GetRequiredService<IAccountRepository>())
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        // A bearer token (HTTP API clients) is checked by the token scheme, everything else by the sign-in cookie.
        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = ExplorerScheme;
            o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
        });
        authentication.AddPolicyScheme(ExplorerScheme, "Cookie or API token", o => o.ForwardDefaultSelector = http =>
            ApiTokenAuthenticationHandler.Carries(http.Request) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme);
        authentication.AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "recsae.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = AccountEndpoints.LoginPage;
            o.AccessDeniedPath = "/account/denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Single sign-on principals have no local account, so the security-stamp check (which looks one up) is skipped for them.
            var validate = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = ctx => OidcRoles.IsExternal(ctx.Principal) ? Task.CompletedTask : validate(ctx);
            // API clients get status codes, not the login page.
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = ctx => IsApi(ctx.Request) ? Status(ctx.Response, StatusCodes.Status401Unauthorized) : toLogin(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => IsApi(ctx.Request) ? Status(ctx.Response, StatusCodes.Status403Forbidden) : toDenied(ctx);
        });
        if (settings.OpenIdConnect.Enabled) AddOpenIdConnect(authentication, settings.OpenIdConnect);

        // Roles → permissions: one policy per permission; anonymous visitors are viewers unless configured off.
        var authorization = services.AddAuthorizationBuilder().AddPermissionPolicies();
        if (!settings.AnonymousViewer)
            authorization.SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentActor>();
        services.AddScoped<GovernedActions>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ProposalService>();
        services.AddScoped(sp => new AccountAdministration(
            sp.GetRequiredService<UserManager<Account>>(), sp.GetRequiredService<IAccountRepository>(), sp.GetRequiredService<AuditLog>()));
        // Cookie requests re-read the account this often: a changed role reaches the claims, a reset password or removal signs out.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<FirstAdminSetup>();
        services.AddHostedService(sp => sp.GetRequiredService<FirstAdminSetup>());

        // Sign-in and exports: a fixed window per client address.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AccountEndpoints.HeavyPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, settings.HeavyRequestsPerMinute), Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    /// <summary>Security:DataProtectionKeys when set, else "keys" in the state folder.</summary>
    public static string DataProtectionKeysFolder(IConfiguration configuration, ProductPaths paths) =>
        configuration["Security:DataProtectionKeys"] is { Length: > 0 } keys ? keys : Path.Combine(paths.StateRoot, "keys");

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>The status alone: the API's error middleware gives it a ProblemDetails body.</summary>
    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>Before UseAntiforgery: headers, HTTPS (Production only), circuit origin check, sign-in, authorization, rate limits.</summary>
    public static WebApplication UseExplorerSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<CircuitOriginMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapExplorerAccounts(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapAuditExport();
        app.MapSpecExport();
        return app;
    }

    private static void AddOpenIdConnect(Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, OpenIdConnectSettings oidc) =>
        authentication.AddOpenIdConnect(AccountEndpoints.OidcScheme, oidc.DisplayName, o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SaveTokens = false;
            o.Scope.Add("profile");
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            o.CallbackPath = "/signin-oidc";
            o.Events.OnTokenValidated = ctx =>
            {
                // Roles come from the configured claim; the cookie carries only what the explorer needs.
                ctx.Principal = OidcRoles.Map(ctx.Principal!, oidc);
                ctx.HttpContext.RequestServices.GetRequiredService<AuditLog>()
                    .Append(ctx.Principal.Identity!.Name!, Engine.Governance.AuditActions.SignIn, ctx.Principal.Identity.Name!, after: "oidc");
                return Task.CompletedTask;
            };
        });
}
