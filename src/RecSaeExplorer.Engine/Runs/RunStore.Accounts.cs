using LiteDB;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Runs.Integrity;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>Local accounts in the same file as the runs, so the CLI and the explorer share them.</summary>
public sealed partial class RunStore : IAccountRepository
{
    private const string AccountsCollection = "accounts";

    /// <summary>The unique name index is made by writers only: a read-only store must not be written to.</summary>
    private ILiteCollection<Account> AccountsOf()
    {
        var accounts = _db.GetCollection<Account>(AccountsCollection);
        if (Access == StoreAccess.Write) accounts.EnsureIndex(a => a.NormalizedUserName, unique: true);
        return accounts;
    }

    public Account? FindAccount(string id) => AccountsOf().FindById(id);

    public Account? FindAccountByName(string normalizedUserName) => AccountsOf().FindOne(a => a.NormalizedUserName == normalizedUserName);

    /// <summary>The account whose API token has this hash (<see cref="ApiTokens.Hash"/>), if any.</summary>
    public Account? FindAccountByApiToken(string tokenHash) => AccountsOf().FindOne(a => a.ApiTokenHash == tokenHash);

    public IReadOnlyList<Account> Accounts() => AccountsOf().FindAll().OrderBy(a => a.UserName, StringComparer.OrdinalIgnoreCase).ToList();

    public void SaveAccount(Account account)
    {
        if (FindAccountByName(account.NormalizedUserName) is { } other && other.Id != account.Id)
            throw new InvalidOperationException($"An account named '{account.UserName}' already exists.");
        AccountsOf().Upsert(account);
    }

    public bool DeleteAccount(string id) => AccountsOf().Delete(id);
}
