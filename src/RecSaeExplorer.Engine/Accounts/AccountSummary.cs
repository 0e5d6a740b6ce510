namespace RecSaeExplorer.Engine.Accounts;

/// <summary>What an account listing shows: never the password hash or the token hash, only whether there is a token.</summary>
public sealed record AccountSummary(string Name, string Role, DateTime CreatedUtc, DateTime? LockedOutUntilUtc, bool HasApiToken)
{
    public static AccountSummary Of(Account a, DateTime nowUtc) => new(a.UserName, a.Role, a.CreatedUtc,
        a.LockoutEndUtc is { } end && end > nowUtc ? end : null, a.ApiTokenHash is not null);
}
