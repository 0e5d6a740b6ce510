using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Governance;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Engine.Tests.Accounts;

/// <summary>Identity's UserManager over the LiteDB account store: hashing, roles, lockout, persistence across opens.</summary>
public sealed class AccountStoreTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();
    private string StorePath => Path.Combine(_folder, "store.db");

    private ServiceProvider Services(RunStore store)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAccounts(_ => store);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task An_account_is_stored_with_a_hash_not_the_password_and_survives_a_reopen()
    {
        using (var store = new RunStore(StorePath))
        using (var sp = Services(store))
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var (account, error) = await users.CreateAsync("ana", "Analyst", "correct horse battery");
            Assert.Null(error);
            Assert.Equal(Roles.Analyst, account!.Role);
            Assert.DoesNotContain("correct horse", account.PasswordHash);
        }
        using (var store = new RunStore(StorePath))
        using (var sp = Services(store))
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var ana = await users.FindByNameAsync("ANA");
            Assert.NotNull(ana);
            Assert.True(await users.CheckPasswordAsync(ana, "correct horse battery"));
            Assert.False(await users.CheckPasswordAsync(ana, "wrong password!"));
            Assert.Equal([Roles.Analyst], await users.GetRolesAsync(ana));
            Assert.True(await users.IsInRoleAsync(ana, "analyst"));
        }
    }

    [Fact]
    public async Task Duplicate_names_short_passwords_and_unknown_roles_are_refused()
    {
        using var store = new RunStore(StorePath);
        using var sp = Services(store);
        var users = sp.GetRequiredService<UserManager<Account>>();
        Assert.Null((await users.CreateAsync("gov", Roles.Governor, "long enough pass")).Error);
        Assert.NotNull((await users.CreateAsync("GOV", Roles.Viewer, "long enough pass")).Error);
        Assert.NotNull((await users.CreateAsync("short", Roles.Viewer, "short")).Error);
        await Assert.ThrowsAsync<ArgumentException>(() => users.CreateAsync("x", "superuser", "long enough pass"));
        Assert.Single(store.Accounts());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var store = new RunStore(StorePath);
        using var sp = Services(store);
        var users = sp.GetRequiredService<UserManager<Account>>();
        var (account, _) = await users.CreateAsync("eve", Roles.Viewer, "long enough pass");
        for (int i = 0; i < 5; i++) await users.AccessFailedAsync(account!);
        Assert.True(await users.IsLockedOutAsync(account!));
        Assert.NotNull(store.FindAccount(account!.Id)!.LockoutEndUtc);
    }

    [Fact]
    public void The_audit_trail_appends_in_order_chains_hashes_and_detects_an_edit()
    {
        using var store = new RunStore(StorePath);
        store.AppendAudit("ana", AuditActions.NeuronRenamed, "sae-1/3", "Horror", "<b>scary</b>");
        store.AppendAudit("gov", AuditActions.ProposalState, "exp-1", "draft", "submitted");
        var trail = store.AuditTrail();
        Assert.Equal([1L, 2L], trail.Select(e => e.Id));
        Assert.Equal("ana", trail[0].Actor);
        Assert.Equal(trail[0].Hash, trail[1].PreviousHash);
        Assert.Null(AuditChain.Verify(trail));

        trail[0].After = "tampered";
        Assert.Equal(1L, AuditChain.Verify(trail));
    }

    [Fact]
    public void The_audit_csv_neutralises_formula_cells()
    {
        using var store = new RunStore(StorePath);
        store.AppendAudit("=1+1", AuditActions.NeuronRenamed, "sae-1/3", "@SUM(1)", "-2");
        string line = AuditCsv.ToText(store.AuditTrail()).Split('\n')[1];
        Assert.Contains(",'=1+1,neuron-renamed,sae-1/3,'@SUM(1),'-2,", line);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
