using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace RecSaeExplorer.Engine.Accounts;

/// <summary>One registration of Identity's UserManager over the account store, shared by the explorer and the CLI.</summary>
public static class AccountServices
{
    /// <summary>Passwords: length over composition rules (NIST SP 800-63B); five failures lock an account for five minutes.</summary>
    public static IdentityBuilder AddAccounts(this IServiceCollection services, Func<IServiceProvider, IAccountRepository> repository)
    {
        services.AddScoped<IUserStore<Account>>(sp => new AccountStore(repository(sp)));
        return services.AddIdentityCore<Account>(o =>
        {
            o.Password.RequiredLength = 10;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Lockout.MaxFailedAccessAttempts = 5;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            o.Lockout.AllowedForNewUsers = true;
            o.User.RequireUniqueEmail = false;
        });
    }

    /// <summary>Creates an account with a role, or returns Identity's errors as one message.</summary>
    public static async Task<(Account? Account, string? Error)> CreateAsync(this UserManager<Account> users, string name, string role, string password)
    {
        var account = new Account { UserName = name.Trim(), Role = Roles.Canonical(role) };
        var result = await users.CreateAsync(account, password);
        return result.Succeeded ? (account, null) : (null, Describe(result));
    }

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
