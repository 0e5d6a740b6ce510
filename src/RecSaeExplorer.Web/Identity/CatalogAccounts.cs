using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Identity;

/// <summary>Accounts through the explorer's run catalog, so account reads and writes take the same store lock as everything else.</summary>
public sealed class CatalogAccounts(RunCatalog catalog) : IAccountRepository
{
    public Account? FindAccount(string id) => catalog.Use(s => s.FindAccount(id));
    public Account? FindAccountByName(string normalizedUserName) => catalog.Use(s => s.FindAccountByName(normalizedUserName));
    public IReadOnlyList<Account> Accounts() => catalog.Use(s => s.Accounts());
    public Account? FindAccountByApiToken(string tokenHash) => catalog.Use(s => s.FindAccountByApiToken(tokenHash));
    public void SaveAccount(Account account) => catalog.Use(s => { s.SaveAccount(account); return 0; });
    public bool DeleteAccount(string id) => catalog.Use(s => s.DeleteAccount(id));
}
