using Microsoft.Playwright;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>
/// Each role in Chromium on the tiny trained run: which controls it gets, and that the server refuses what it
/// may not do even when asked directly (the audit CSV, a form post without an antiforgery token).
/// </summary>
public sealed class RolesBrowserTests(LabServer server) : IClassFixture<LabServer>
{
    private const float Timeout = 60_000;

    [Theory]
    [InlineData(null, false, false)]
    [InlineData(TestAccounts.Analyst, true, false)]
    [InlineData(TestAccounts.Governor, true, false)]
    [InlineData(TestAccounts.Admin, true, true)]
    public async Task A_role_sees_only_the_controls_it_may_use_and_the_server_refuses_the_rest(string? account, bool canChange, bool canAudit)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        if (account is not null) await TestAccounts.SignInAsync(page, server.BaseAddress, account);

        // Lab: sliders for everyone, the save button only for those who may save.
        await page.GotoAsync(Url($"lab/promote?{server.Case.Query(server.Case.High)}"));
        await Assertions.Expect(page.Locator("[data-stat='reached'] .lab-stat-value")).ToHaveTextAsync(server.Case.HighStep.Reached.ToString("N0"), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".save-experiment-button")).ToHaveCountAsync(canChange ? 1 : 0);

        // Neurons: the rename pencil.
        await page.GotoAsync(Url($"neurons/{server.Case.Sae.Run.Id}"));
        await Assertions.Expect(page.Locator("a.neuron-link").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        Assert.Equal(canChange, await page.Locator("button.rename-neuron").CountAsync() > 0);

        // Runs: the training form.
        await page.GotoAsync(Url("runs"));
        await Assertions.Expect(page.Locator(".runs-grid")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("button.start-training")).ToHaveCountAsync(canChange ? 1 : 0);

        // The audit trail: page and CSV for admins only, refused on the server for everyone else.
        await page.GotoAsync(Url("admin/audit"));
        if (canAudit)
        {
            await Assertions.Expect(page.Locator(".audit-grid")).ToContainTextAsync("sign-in", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator(".audit-grid")).ToContainTextAsync(account!);
        }
        else
        {
            await Assertions.Expect(page.Locator(".audit-grid")).ToHaveCountAsync(0);
        }
        var csv = await context.APIRequest.GetAsync(Url("admin/audit.csv"), new() { MaxRedirects = 0 });
        Assert.Equal(canAudit ? 200 : 302, csv.Status);
        if (!canAudit) Assert.Contains(account is null ? "account/login" : "account/denied", csv.Headers["location"]);

        // A forged form post (no antiforgery token) is refused before it reaches the sign-in code.
        var forged = await context.APIRequest.PostAsync(Url("account/signin"), new()
        {
            Form = context.APIRequest.CreateFormData().Append("userName", TestAccounts.Admin).Append("password", TestAccounts.Password),
            MaxRedirects = 0,
        });
        Assert.Equal(400, forged.Status);
        await Chromium.SaveScreenshotAsync(page, $"role-{account ?? "viewer"}.png");
    }

    private string Url(string path) => new Uri(server.BaseAddress, path).ToString();
}
