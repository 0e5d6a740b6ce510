using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Accounts;

/// <summary>The admin page's actions through GovernedActions: admins manage accounts (audited), everyone else is refused on the server.</summary>
public sealed class UserManagementTests
{
    [Fact]
    public async Task An_admin_adds_changes_resets_revokes_and_removes_and_each_change_is_audited_with_before_and_after()
    {
        using var store = new TempStore();
        var root = await AccountServicesForTests.CreateAsync(store.Catalog, "root", Roles.Admin);
        await using var ctx = ExplorerTestContext.Create().WithAccounts(store.Catalog).SignInAs(root);
        var governed = ctx.Services.GetRequiredService<GovernedActions>();

        await governed.AddAccountAsync("carol", Roles.Analyst, "carol-password-1");
        await governed.ChangeRoleAsync("carol", Roles.Governor);
        string hashBefore = store.Catalog.Use(s => s.FindAccountByName("CAROL"))!.PasswordHash!;
        await governed.ResetPasswordAsync("carol", "carol-password-2");
        var carol = store.Catalog.Use(s => s.FindAccountByName("CAROL"))!;
        Assert.Equal(Roles.Governor, carol.Role);
        Assert.NotEqual(hashBefore, carol.PasswordHash);
        carol.ApiTokenHash = ApiTokens.Hash("rsx_test");
        store.Catalog.Use(s => { s.SaveAccount(carol); return 0; });
        await governed.RevokeApiTokenAsync("carol");
        Assert.Null(store.Catalog.Use(s => s.FindAccountByName("CAROL"))!.ApiTokenHash);
        Assert.Contains(await governed.ListAccountsAsync(), a => a is { Name: "carol", Role: Roles.Governor, HasApiToken: false });
        await governed.RemoveAccountAsync("carol");
        Assert.DoesNotContain(await governed.ListAccountsAsync(), a => a.Name == "carol");

        var trail = store.Catalog.Use(s => s.AuditTrail()).Where(e => e.Action == "user-managed" && e.Target == "carol")
            .Select(e => (e.Actor, e.Before, e.After)).ToList();
        Assert.Equal(new (string, string?, string?)[] {
            ("root", null, "created, role analyst"), ("root", "role analyst", "role governor"), ("root", "password set", "password reset"),
            ("root", "API token", "API token revoked"), ("root", "role governor", "removed") }, trail);
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_removed_nor_demoted_but_one_of_two_can()
    {
        using var store = new TempStore();
        var root = await AccountServicesForTests.CreateAsync(store.Catalog, "root", Roles.Admin);
        await using var ctx = ExplorerTestContext.Create().WithAccounts(store.Catalog).SignInAs(root);
        var governed = ctx.Services.GetRequiredService<GovernedActions>();

        var removal = await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.RemoveAccountAsync("root"));
        Assert.Contains("last admin", removal.Message);
        var demotion = await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.ChangeRoleAsync("root", Roles.Governor));
        Assert.Contains("last admin", demotion.Message);
        Assert.Equal(Roles.Admin, store.Catalog.Use(s => s.FindAccountByName("ROOT"))!.Role);

        await governed.AddAccountAsync("second", Roles.Admin, "second-password");
        await governed.ChangeRoleAsync("second", Roles.Viewer);
        Assert.Equal(Roles.Viewer, store.Catalog.Use(s => s.FindAccountByName("SECOND"))!.Role);
        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.ChangeRoleAsync("root", Roles.Analyst));
    }

    [Fact]
    public async Task A_weak_password_or_a_taken_name_is_refused_with_the_reason_and_nothing_is_stored()
    {
        using var store = new TempStore();
        var root = await AccountServicesForTests.CreateAsync(store.Catalog, "root", Roles.Admin);
        await using var ctx = ExplorerTestContext.Create().WithAccounts(store.Catalog).SignInAs(root);
        var governed = ctx.Services.GetRequiredService<GovernedActions>();

        var weak = await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.AddAccountAsync("dave", Roles.Viewer, "short"));
        Assert.Contains("10", weak.Message);
        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.AddAccountAsync("ROOT", Roles.Viewer, "another-long-one"));
        Assert.Equal(["root"], (await governed.ListAccountsAsync()).Select(a => a.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Governor)]
    public async Task Other_roles_are_refused_every_account_action_on_the_server_and_nothing_changes(string? role)
    {
        using var store = new TempStore();
        await AccountServicesForTests.CreateAsync(store.Catalog, "root", Roles.Admin);
        await using var ctx = ExplorerTestContext.Create().WithAccounts(store.Catalog);
        if (role is not null) ctx.SignInAs(await AccountServicesForTests.CreateAsync(store.Catalog, "mallory", role));
        var governed = ctx.Services.GetRequiredService<GovernedActions>();
        int audited = store.Catalog.Use(s => s.AuditTrail()).Count;

        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.ListAccountsAsync());
        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.AddAccountAsync("eve", Roles.Admin, "eve-password-1"));
        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.ChangeRoleAsync("mallory", Roles.Admin));
        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.ResetPasswordAsync("root", "taken-over-now"));
        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.RevokeApiTokenAsync("root"));
        await Assert.ThrowsAsync<ForbiddenActionException>(() => governed.RemoveAccountAsync("root"));

        var accounts = store.Catalog.Use(s => s.Accounts());
        Assert.DoesNotContain(accounts, a => a.UserName == "eve");
        Assert.Equal(role, accounts.FirstOrDefault(a => a.UserName == "mallory")?.Role);
        Assert.Equal(audited, store.Catalog.Use(s => s.AuditTrail()).Count);
    }
}
