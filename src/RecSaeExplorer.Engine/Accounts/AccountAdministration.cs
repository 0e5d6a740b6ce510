using Microsoft.AspNetCore.Identity;
using RecSaeExplorer.Engine.Governance;

namespace RecSaeExplorer.Engine.Accounts;

/// <summary>
/// Account management shared by <c>recsae users</c> and the explorer's admin page: Identity's UserManager does the
/// hashing and validation, this class adds the rules (one role each, never lose the last admin) and audits every
/// change with its before and after as <paramref name="actor"/>. Who may call it is the caller's check.
/// </summary>
public sealed class AccountAdministration(UserManager<Account> users, IAccountRepository accounts, IAuditTrail audit)
{
    // Serializes the "is this the last admin?" check with the write it guards, within one process.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public IReadOnlyList<AccountSummary> List()
    {
        var now = DateTime.UtcNow;
        return accounts.Accounts().Select(a => AccountSummary.Of(a, now)).ToList();
    }

    public async Task<Account> AddAsync(string actor, string name, string role, string password)
    {
        if (!Roles.IsKnown(role)) throw new AccountRefusedException($"Unknown role '{role}'; use one of {string.Join(", ", Roles.All)}.");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 64) throw new AccountRefusedException("An account name has 1 to 64 characters.");
        var (account, error) = await users.CreateAsync(name, role, password);
        if (account is null) throw new AccountRefusedException(error!);
        audit.Append(actor, AuditActions.UserManaged, account.UserName, after: $"created, role {account.Role}");
        return account;
    }

    public Task ChangeRoleAsync(string actor, string name, string role) => Guarded(async () =>
    {
        if (!Roles.IsKnown(role)) throw new AccountRefusedException($"Unknown role '{role}'; use one of {string.Join(", ", Roles.All)}.");
        var account = await FindAsync(name);
        string before = account.Role, after = Roles.Canonical(role);
        if (before == after) return;
        if (before == Roles.Admin) RefuseIfLastAdmin(account, "demote");
        account.Role = after;
        Check(await users.UpdateAsync(account));
        audit.Append(actor, AuditActions.UserManaged, account.UserName, $"role {before}", $"role {after}");
    });

    /// <summary>Sets a new password and lifts a lockout; the new security stamp signs the account out of other sessions.</summary>
    public async Task ResetPasswordAsync(string actor, string name, string password)
    {
        var account = await FindAsync(name);
        // Validate first, so a refused password leaves the old one in place.
        foreach (var validator in users.PasswordValidators) Check(await validator.ValidateAsync(users, account, password));
        Check(await users.RemovePasswordAsync(account));
        Check(await users.AddPasswordAsync(account, password));
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        audit.Append(actor, AuditActions.UserManaged, account.UserName, "password set", "password reset");
    }

    public Task RemoveAsync(string actor, string name) => Guarded(async () =>
    {
        var account = await FindAsync(name);
        if (account.Role == Roles.Admin) RefuseIfLastAdmin(account, "remove");
        Check(await users.DeleteAsync(account));
        audit.Append(actor, AuditActions.UserManaged, account.UserName, $"role {account.Role}", "removed");
    });

    /// <summary>Issues a new API token (returned once; replaces any earlier one) or, with <paramref name="revoke"/>, removes it.</summary>
    public async Task<(Account Account, string? Token)> SetApiTokenAsync(string actor, string name, bool revoke)
    {
        var account = await FindAsync(name);
        string before = account.ApiTokenHash is null ? "no API token" : "API token";
        string? token = revoke ? null : ApiTokens.NewToken();
        account.ApiTokenHash = token is null ? null : ApiTokens.Hash(token);
        account.ApiTokenCreatedUtc = token is null ? null : DateTime.UtcNow;
        accounts.SaveAccount(account);
        audit.Append(actor, AuditActions.UserManaged, account.UserName, before, revoke ? "API token revoked" : "API token issued");
        return (account, token);
    }

    private async Task<Account> FindAsync(string name) =>
        await users.FindByNameAsync(name.Trim()) ?? throw new AccountRefusedException($"No account named '{name}'.");

    private void RefuseIfLastAdmin(Account account, string what)
    {
        if (accounts.Accounts().Count(a => a.Role == Roles.Admin && a.Id != account.Id) == 0)
            throw new AccountRefusedException($"Cannot {what} {account.UserName}: it is the last admin. Make another account admin first.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountRefusedException(AccountServices.Describe(result));
    }

    private static async Task Guarded(Func<Task> change)
    {
        await Gate.WaitAsync();
        try
        {
            await change();
        }
        finally
        {
            Gate.Release();
        }
    }
}
