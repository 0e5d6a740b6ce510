namespace RecSaeExplorer.Engine.Accounts;

/// <summary>Where accounts are kept: the run store itself, or (in the explorer) the store behind its serializing catalog.</summary>
public interface IAccountRepository
{
    Account? FindAccount(string id);
    Account? FindAccountByName(string normalizedUserName);
    IReadOnlyList<Account> Accounts();

    /// <summary>The account holding the API token with this SHA-256 hash, if any.</summary>
    Account? FindAccountByApiToken(string tokenHash);

    /// <summary>Inserts or replaces; throws <see cref="InvalidOperationException"/> when another account has the same name.</summary>
    void SaveAccount(Account account);

    bool DeleteAccount(string id);
}
