namespace RecSaeExplorer.Engine.Accounts;

/// <summary>
/// A local account as kept in the store (collection <c>accounts</c>). The password is only ever held as
/// ASP.NET Core Identity's hash (PBKDF2 with a per-password salt); lockout state lives beside it.
/// </summary>
public sealed class Account
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public string Role { get; set; } = Roles.Viewer;
    public bool LockoutEnabled { get; set; } = true;
    public DateTime? LockoutEndUtc { get; set; }
    public int AccessFailedCount { get; set; }
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    /// <summary>SHA-256 (hex) of the account's HTTP API token; the token itself is shown once and never stored.</summary>
    public string? ApiTokenHash { get; set; }
    public DateTime? ApiTokenCreatedUtc { get; set; }
}
