using System.Globalization;
using Microsoft.Playwright;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>The user page's "why this recommendation" card in Debian's Chromium, over a store with a trained SAE run.</summary>
public sealed class WhyRecommendationBrowserTests(TrainedExplorerServer server) : IClassFixture<TrainedExplorerServer>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task Clicking_a_top_list_row_shows_contributions_that_sum_to_the_displayed_score()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };

        await page.GotoAsync(new Uri(server.BaseAddress, $"users/{server.SaeId}/1").ToString());
        await page.Locator(".circuit-live").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Timeout });
        var rows = page.Locator(".user-top-list tr.item-row");
        await Assertions.Expect(rows).ToHaveCountAsync(30, new() { Timeout = Timeout });
        string title = (await rows.Nth(4).Locator("a.item-link").TextContentAsync())!.Trim();
        await rows.Nth(4).Locator("td").First.ClickAsync();

        await Assertions.Expect(page.Locator(".why-standing")).ToContainTextAsync($"{title}: score", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".why-standing")).ToContainTextAsync("rank 5 of the user's top 30");
        double score = Value(await page.Locator(".why-score").GetAttributeAsync("data-value"));
        var parts = await page.Locator(".why-parts td.why-value").AllAsync();
        Assert.True(parts.Count > 3);
        double sum = 0, shownSum = 0;
        foreach (var part in parts)
        {
            sum += Value(await part.GetAttributeAsync("data-value"));
            shownSum += Value(await part.TextContentAsync());
        }
        // Exact values sum to the score within 1e-4; the printed (3-decimal) ones within their rounding.
        Assert.InRange(Math.Abs(sum - score), 0, 1e-4);
        Assert.InRange(Math.Abs(shownSum - Value(await page.Locator(".why-score").TextContentAsync())), 0, 0.0005 * (parts.Count + 1));
        Assert.Equal((await rows.Nth(4).Locator("td.num").Last.TextContentAsync())!.Trim(), (await page.Locator(".why-score").TextContentAsync())!.Trim());
        await Chromium.SaveScreenshotAsync(page, "why-recommendation.png");
        Assert.Empty(consoleErrors);
    }

    private static double Value(string? text) => double.Parse(text!.Trim(), CultureInfo.InvariantCulture);
}
