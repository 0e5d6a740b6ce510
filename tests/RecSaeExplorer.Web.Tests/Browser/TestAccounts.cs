using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>One local account per role (two analysts, two governors), created in the store before the explorer starts.</summary>
internal static class TestAccounts
{
    public const string Password = "browser-test-password";
    public const string Analyst = "ana";
    public const string OtherAnalyst = "bob";
    public const string Governor = "gina";
    public const string OtherGovernor = "gus";
    public const string Admin = "root";

    public static async Task SeedAsync(string storePath)
    {
        using var store = new RunStore(storePath);
        var services = new ServiceCollection().AddLogging();
        services.AddAccounts(_ => store);
        await using var provider = services.BuildServiceProvider();
        var users = provider.GetRequiredService<UserManager<Account>>();
        foreach (var (name, role) in new[] { (Analyst, Roles.Analyst), (OtherAnalyst, Roles.Analyst), (Governor, Roles.Governor), (OtherGovernor, Roles.Governor), (Admin, Roles.Admin) })
        {
            var (_, error) = await users.CreateAsync(name, role, Password);
            if (error is not null) throw new InvalidOperationException(error);
        }
    }

    /// <summary>Waits until the page's circuit is live: a click on the prerendered page would be lost.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator(".circuit-live")).ToBeAttachedAsync(new() { Timeout = 60_000 });

    /// <summary>Signs in through the login form and waits for the redirect to <paramref name="returnPath"/>.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string name, string returnPath = "/")
    {
        await page.GotoAsync(new Uri(baseAddress, $"account/login?returnUrl={Uri.EscapeDataString(returnPath)}").ToString());
        await page.Locator("input[name=userName]").FillAsync(name);
        await page.Locator("input[name=password]").FillAsync(Password);
        await page.Locator("button.login-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync(name, new() { Timeout = 30_000 });
    }
}
