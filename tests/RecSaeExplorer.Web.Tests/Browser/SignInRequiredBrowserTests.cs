using System.Net;
using Microsoft.Playwright;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>The explorer with anonymous browsing off: every page needs a sign-in, but the sign-in itself works.</summary>
public sealed class SignInRequiredServer : ExplorerServer
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Security:AnonymousViewer"] = "false" };

    /// <summary>The home page now redirects, so the start probe would wait forever: it probes the login page instead.</summary>
    protected override string ProbePath => "account/login";
}

public sealed class SignInRequiredBrowserTests(SignInRequiredServer server) : IClassFixture<SignInRequiredServer>
{
    [Fact]
    public async Task Pages_redirect_to_the_styled_sign_in_page_and_signing_in_opens_them()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("account/login", home.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("/experiments.csv")).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "runs").ToString());
        await Assertions.Expect(page.Locator("button.login-submit")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // Its scripts and styles are served without a sign-in.
        foreach (string href in await page.Locator("link[rel=stylesheet], script[src]").EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('href') ?? e.getAttribute('src'))"))
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(href)).StatusCode);
        await TestAccounts.SignInAsync(page, server.BaseAddress, TestAccounts.Analyst, "/runs");
        await Assertions.Expect(page.Locator("button.start-training")).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }
}
