using Microsoft.AspNetCore.Identity;

namespace RecSaeExplorer.Engine.Accounts;

/// <summary>
/// ASP.NET Core Identity's user store over <see cref="IAccountRepository"/>: UserManager does the hashing,
/// validation and lockout arithmetic; this class only reads and writes <see cref="Account"/> documents.
/// An account has exactly one role (roles are ordered, see <see cref="Roles"/>).
/// </summary>
public sealed class AccountStore(IAccountRepository repository) :
    IUserPasswordStore<Account>, IUserRoleStore<Account>, IUserLockoutStore<Account>, IUserSecurityStampStore<Account>
{
    public Task<IdentityResult> CreateAsync(Account user, CancellationToken ct) => Write(user);

    public Task<IdentityResult> UpdateAsync(Account user, CancellationToken ct) => Write(user);

    public Task<IdentityResult> DeleteAsync(Account user, CancellationToken ct) =>
        Task.FromResult(repository.DeleteAccount(user.Id) ? IdentityResult.Success : Failed($"No account '{user.UserName}'."));

    public Task<Account?> FindByIdAsync(string userId, CancellationToken ct) => Task.FromResult(repository.FindAccount(userId));

    public Task<Account?> FindByNameAsync(string normalizedUserName, CancellationToken ct) =>
        Task.FromResult(repository.FindAccountByName(normalizedUserName));

    public Task<string> GetUserIdAsync(Account user, CancellationToken ct) => Task.FromResult(user.Id);
    public Task<string?> GetUserNameAsync(Account user, CancellationToken ct) => Task.FromResult<string?>(user.UserName);
    public Task SetUserNameAsync(Account user, string? userName, CancellationToken ct) => Set(() => user.UserName = userName ?? "");
    public Task<string?> GetNormalizedUserNameAsync(Account user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedUserName);
    public Task SetNormalizedUserNameAsync(Account user, string? normalizedName, CancellationToken ct) => Set(() => user.NormalizedUserName = normalizedName ?? "");

    public Task SetPasswordHashAsync(Account user, string? passwordHash, CancellationToken ct) => Set(() => user.PasswordHash = passwordHash);
    public Task<string?> GetPasswordHashAsync(Account user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(Account user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(Account user, string stamp, CancellationToken ct) => Set(() => user.SecurityStamp = stamp);
    public Task<string?> GetSecurityStampAsync(Account user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    // Role names arrive normalized (upper case) from UserManager.
    public Task AddToRoleAsync(Account user, string roleName, CancellationToken ct) => Set(() => user.Role = Roles.Canonical(roleName));

    public Task RemoveFromRoleAsync(Account user, string roleName, CancellationToken ct) =>
        Set(() => { if (string.Equals(user.Role, roleName, StringComparison.OrdinalIgnoreCase)) user.Role = Roles.Viewer; });

    public Task<IList<string>> GetRolesAsync(Account user, CancellationToken ct) => Task.FromResult<IList<string>>([user.Role]);

    public Task<bool> IsInRoleAsync(Account user, string roleName, CancellationToken ct) =>
        Task.FromResult(string.Equals(user.Role, roleName, StringComparison.OrdinalIgnoreCase));

    public Task<IList<Account>> GetUsersInRoleAsync(string roleName, CancellationToken ct) =>
        Task.FromResult<IList<Account>>(repository.Accounts().Where(a => string.Equals(a.Role, roleName, StringComparison.OrdinalIgnoreCase)).ToList());

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(Account user, CancellationToken ct) =>
        Task.FromResult(user.LockoutEndUtc is { } end ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : (DateTimeOffset?)null);

    public Task SetLockoutEndDateAsync(Account user, DateTimeOffset? lockoutEnd, CancellationToken ct) => Set(() => user.LockoutEndUtc = lockoutEnd?.UtcDateTime);
    public Task<int> IncrementAccessFailedCountAsync(Account user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(Account user, CancellationToken ct) => Set(() => user.AccessFailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(Account user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(Account user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(Account user, bool enabled, CancellationToken ct) => Set(() => user.LockoutEnabled = enabled);

    public void Dispose()
    {
    }

    private Task<IdentityResult> Write(Account user)
    {
        try
        {
            repository.SaveAccount(user);
            return Task.FromResult(IdentityResult.Success);
        }
        catch (InvalidOperationException e)
        {
            return Task.FromResult(Failed(e.Message));
        }
    }

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }

    private static IdentityResult Failed(string message) => IdentityResult.Failed(new IdentityError { Code = "AccountStore", Description = message });
}
