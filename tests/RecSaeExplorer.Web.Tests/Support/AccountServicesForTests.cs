using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Identity;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>Identity over the catalog's store, registered as the app does, and sign-ins that carry a real account's claims.</summary>
internal static class AccountServicesForTests
{
    public static BunitContext WithAccounts(this BunitContext ctx, RunCatalog catalog)
    {
        ctx.Services.AddSingleton(catalog);
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton<IAccountRepository>(new CatalogAccounts(catalog));
        ctx.Services.AddAccounts(sp => sp.GetRequiredService<IAccountRepository>());
        ctx.Services.AddScoped(sp => new AccountAdministration(
            sp.GetRequiredService<UserManager<Account>>(), sp.GetRequiredService<IAccountRepository>(), sp.GetRequiredService<AuditLog>()));
        return ctx;
    }

    /// <summary>Creates an account directly in the store (as <c>recsae users add</c> would) and returns it.</summary>
    public static async Task<Account> CreateAsync(RunCatalog catalog, string name, string role, string password = "a-long-password")
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAccounts(_ => new CatalogAccounts(catalog));
        await using var provider = services.BuildServiceProvider();
        var (account, error) = await provider.GetRequiredService<UserManager<Account>>().CreateAsync(name, role, password);
        return account ?? throw new InvalidOperationException(error);
    }

    /// <summary>Signs the context in as the cookie would after a password sign-in: the account's id, security stamp and role at that time.</summary>
    public static BunitContext SignInAs(this BunitContext ctx, Account account)
    {
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(account.UserName);
        auth.SetRoles(account.Role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, account.Id), new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, account.SecurityStamp));
        return ctx;
    }
}
