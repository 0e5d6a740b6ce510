using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Accounts;

/// <summary>
/// A circuit keeps the principal it was opened with; the role a state change is checked against comes from the store,
/// so a demotion, removal or password reset takes effect on the signed-in person's next action.
/// </summary>
public sealed class RoleChangeOnOpenSessionTests
{
    [Fact]
    public async Task A_demoted_admin_is_refused_on_the_next_action_though_the_session_still_claims_admin()
    {
        using var store = new TempStore();
        var root = await AccountServicesForTests.CreateAsync(store.Catalog, "root", Roles.Admin);
        var dana = await AccountServicesForTests.CreateAsync(store.Catalog, "dana", Roles.Admin);
        await using var danaSession = ExplorerTestContext.Create().WithAccounts(store.Catalog).SignInAs(dana);
        await using var rootSession = ExplorerTestContext.Create().WithAccounts(store.Catalog).SignInAs(root);
        var asDana = danaSession.Services.GetRequiredService<GovernedActions>();

        Assert.NotEmpty(await asDana.ListAccountsAsync());
        await rootSession.Services.GetRequiredService<GovernedActions>().ChangeRoleAsync("dana", Roles.Analyst);

        var refused = await Assert.ThrowsAsync<ForbiddenActionException>(() => asDana.ListAccountsAsync());
        Assert.Contains("analyst", refused.Message);
        Assert.False(await asDana.CanAsync(Permission.DeleteRun));
        Assert.True(await asDana.CanAsync(Permission.SaveExperiment));
        await Assert.ThrowsAsync<ForbiddenActionException>(() => asDana.AddAccountAsync("eve", Roles.Admin, "eve-password-1"));
        Assert.Null(store.Catalog.Use(s => s.FindAccountByName("EVE")));
    }

    [Fact]
    public async Task A_removed_or_password_reset_account_acts_as_an_anonymous_visitor_from_its_next_action()
    {
        using var store = new TempStore();
        var root = await AccountServicesForTests.CreateAsync(store.Catalog, "root", Roles.Admin);
        var gone = await AccountServicesForTests.CreateAsync(store.Catalog, "gone", Roles.Governor);
        var reset = await AccountServicesForTests.CreateAsync(store.Catalog, "reset", Roles.Governor);
        await using var rootSession = ExplorerTestContext.Create().WithAccounts(store.Catalog).SignInAs(root);
        await using var goneSession = ExplorerTestContext.Create().WithAccounts(store.Catalog).SignInAs(gone);
        await using var resetSession = ExplorerTestContext.Create().WithAccounts(store.Catalog).SignInAs(reset);
        Assert.True(await goneSession.Services.GetRequiredService<GovernedActions>().CanAsync(Permission.ReviewProposals));

        var admin = rootSession.Services.GetRequiredService<GovernedActions>();
        await admin.RemoveAccountAsync("gone");
        await admin.ResetPasswordAsync("reset", "a-brand-new-password");

        foreach (var session in new[] { goneSession, resetSession })
        {
            var actor = await session.Services.GetRequiredService<GovernedActions>().ActorAsync();
            Assert.Equal((Actor.Anonymous, Roles.Viewer, false), (actor.Name, actor.Role, actor.IsAuthenticated));
        }
    }
}
