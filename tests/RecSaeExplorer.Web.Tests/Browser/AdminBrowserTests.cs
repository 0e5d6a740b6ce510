using Microsoft.Playwright;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>
/// The admin pages in Chromium: /admin/users manages accounts (and only admins get it), and the run page's delete button
/// refuses a recommender that SAE runs are trained on, naming them, with nothing deleted.
/// </summary>
public sealed class AdminBrowserTests(LabServer server) : IClassFixture<LabServer>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task An_admin_adds_an_account_changes_its_role_and_the_last_admin_is_refused_a_demotion()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await NewPageAsync(browser, 1280);
        await TestAccounts.SignInAsync(page, server.BaseAddress, TestAccounts.Admin, "/admin/users");
        await TestAccounts.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("tr[data-account]")).ToHaveCountAsync(5, new() { Timeout = Timeout });

        await page.Locator(".add-name input").FillAsync("newbie");
        await page.Locator(".add-password input").FillAsync("newbie-password-1");
        await page.Locator(".add-submit").ClickAsync();
        var newbie = page.Locator("tr[data-account='newbie']");
        await Assertions.Expect(newbie).ToHaveAttributeAsync("data-role", "viewer", new() { Timeout = Timeout });

        await ChooseRoleAsync(page, newbie, "analyst");
        await Assertions.Expect(newbie).ToHaveAttributeAsync("data-role", "analyst", new() { Timeout = Timeout });

        // root is the only admin: the demotion is refused with the reason and the table still says admin.
        var root = page.Locator($"tr[data-account='{TestAccounts.Admin}']");
        await ChooseRoleAsync(page, root, "viewer");
        await Assertions.Expect(page.Locator(".users-message")).ToContainTextAsync("last admin", new() { Timeout = Timeout });
        await Assertions.Expect(root).ToHaveAttributeAsync("data-role", "admin");
        await Assertions.Expect(root.Locator(".account-role input")).ToHaveValueAsync("admin");

        // The new account signs in with the password it was given.
        var other = await NewPageAsync(browser, 1280);
        await other.GotoAsync(Url("account/login"));
        await other.Locator("input[name=userName]").FillAsync("newbie");
        await other.Locator("input[name=password]").FillAsync("newbie-password-1");
        await other.Locator("button.login-submit").ClickAsync();
        await Assertions.Expect(other.Locator(".user-name")).ToHaveTextAsync("newbie", new() { Timeout = Timeout });

        var csv = await (await page.Context.APIRequest.GetAsync(Url("admin/audit.csv"))).TextAsync();
        Assert.Contains("root,user-managed,newbie,,\"created, role viewer\"", csv);
        Assert.Contains("root,user-managed,newbie,role viewer,role analyst", csv);
        await Chromium.SaveScreenshotAsync(page, "admin-users-1280.png");
        await page.SetViewportSizeAsync(1920, 1000);
        await Chromium.SaveScreenshotAsync(page, "admin-users-1920.png");
    }

    [Theory]
    [InlineData(TestAccounts.Analyst)]
    [InlineData(TestAccounts.Governor)]
    [InlineData(null)]
    public async Task Other_roles_get_no_users_page_or_link(string? account)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await NewPageAsync(browser, 1280);
        if (account is not null) await TestAccounts.SignInAsync(page, server.BaseAddress, account);
        await page.GotoAsync(Url("admin/users"));
        await Assertions.Expect(page.Locator("h1, .access-denied, input[name=userName]").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".users-table")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a[href='admin/users']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Deleting_a_recommender_with_saes_is_refused_by_name_after_the_confirmation_and_nothing_is_deleted()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await NewPageAsync(browser, 1920);
        await TestAccounts.SignInAsync(page, server.BaseAddress, TestAccounts.Admin, $"/runs/{server.Case.Sae.Run.ParentRunId}");
        await TestAccounts.WaitForCircuitAsync(page);
        await page.Locator("button.delete-run").ClickAsync(new() { Timeout = Timeout });
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        var refusal = page.Locator(".delete-run-refusal");
        await Assertions.Expect(refusal).ToContainTextAsync(server.Case.Sae.Run.Id, new() { Timeout = Timeout });
        await Assertions.Expect(refusal).ToContainTextAsync(server.OtherSaeId);
        await Chromium.SaveScreenshotAsync(page, "delete-run-refused.png");

        await page.GotoAsync(Url("runs"));
        await Assertions.Expect(page.Locator(".runs-grid")).ToContainTextAsync(server.Case.Sae.Run.ParentRunId!, new() { Timeout = Timeout });

        // An analyst gets no delete button.
        var analyst = await NewPageAsync(browser, 1280);
        await TestAccounts.SignInAsync(analyst, server.BaseAddress, TestAccounts.Analyst, $"/runs/{server.Case.Sae.Run.Id}");
        await TestAccounts.WaitForCircuitAsync(analyst);
        await Assertions.Expect(analyst.Locator(".run-facts")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(analyst.Locator("button.delete-run")).ToHaveCountAsync(0);
    }

    private static async Task ChooseRoleAsync(IPage page, ILocator row, string role)
    {
        await row.Locator(".account-role").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(role, new() { Exact = true }).ClickAsync();
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, int width)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 1000 } });
        return await context.NewPageAsync();
    }

    private string Url(string path) => new Uri(server.BaseAddress, path).ToString();
}
