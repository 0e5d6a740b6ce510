using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RecSaeExplorer.Web.Showcase;
using Xunit.Abstractions;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>A first visit to Home reaches the Bob Dylan promotion and plays it, in Debian's Chromium.</summary>
public sealed partial class ShowcaseBrowserTests(ShowcaseServer server, ITestOutputHelper output) : IClassFixture<ShowcaseServer>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task Home_reaches_the_bob_dylan_promotion_in_one_click_and_play_ends_on_the_dose_curves_top()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync(server.BaseAddress.ToString());
        var card = page.Locator("[data-card='promotion']");
        await Assertions.Expect(card).ToHaveAttributeAsync("data-live", "true", new() { Timeout = Timeout });
        await Assertions.Expect(card).ToContainTextAsync(server.LastFmSaeId);
        await Chromium.SaveScreenshotAsync(page, "home-showcase.png");

        // Click once the page is live, as a person who reads the card first would: a click in the prerender-to-interactive
        // window was seen to leave the page on Home (issue 15's "lost keystroke" race; not fixed yet).
        await page.Locator(".circuit-live").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Timeout });
        await card.Locator(".showcase-open").ClickAsync(); // click 1 of at most 3
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Promotion lab" })).ToBeVisibleAsync(new() { Timeout = Timeout });

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("lab/promote\\?run=" + Regex.Escape(server.LastFmSaeId)), new() { Timeout = Timeout });
        var play = page.Locator(".level-play");
        await Assertions.Expect(play).ToHaveAttributeAsync("data-playing", "true", new() { Timeout = Timeout });
        await Assertions.Expect(play).ToHaveAttributeAsync("data-playing", "false", new() { Timeout = 2 * Timeout });
        var headline = page.Locator(".lab-headline");
        await Assertions.Expect(headline).ToContainTextAsync("hip-hop fans");
        await Assertions.Expect(page.Locator(".top-list-compare, .lab-prompt").First).ToBeVisibleAsync(new() { Timeout = Timeout });

        // The headline is the dose curve's last point: its level is the curve's last x, its reach the "reached (all)" y there.
        double level = double.Parse((await headline.GetAttributeAsync("data-level"))!, CultureInfo.InvariantCulture);
        var match = Reach().Match(await headline.InnerTextAsync());
        Assert.True(match.Success, await headline.InnerTextAsync());
        double[] curve = [];
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.ElapsedMilliseconds < Timeout; await page.WaitForTimeoutAsync(100))
        {
            curve = await page.EvaluateAsync<double[]>("""
                () => {
                  const plot = document.querySelector('.level-curve-chart .js-plotly-plot');
                  const trace = plot && plot.data && plot.data.find(t => t.name === 'reached (all)');
                  return trace ? [trace.x[trace.x.length - 1], trace.y[trace.y.length - 1]] : [];
                }
                """);
            if (curve.Length == 2) break;
        }
        if (curve.Length != 2)
        {
            // Seen once under a full run's load and not reproduced since: say what the page held, for the next time.
            await Chromium.SaveScreenshotAsync(page, "lab-promote-no-curve.png");
            Assert.Fail("No 'reached (all)' trace after Play: " + await page.EvaluateAsync<string>("""
                () => JSON.stringify({
                  url: location.href,
                  charts: document.querySelectorAll('.level-curve-chart').length,
                  traces: [...document.querySelectorAll('.level-curve-chart .js-plotly-plot')].map(p => (p.data || []).map(t => t.name)),
                  reconnecting: !!document.querySelector('#components-reconnect-modal[open]'),
                })
                """));
        }
        Assert.Equal(curve[0], level, 6);
        Assert.Equal(curve[1], double.Parse(match.Groups["reached"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(match.Groups["reached"].Value, (await page.Locator("[data-stat='reached'] .lab-stat-value").InnerTextAsync()).Trim());
        Assert.Contains(ShowcaseService.PromotedArtist, await page.Locator(".lab-headline ~ .promotion-stats").InnerTextAsync());
        await Chromium.SaveScreenshotAsync(page, "lab-promote-played.png");
        output.WriteLine(await headline.InnerTextAsync());
        Assert.Empty(errors);
    }

    [GeneratedRegex("reaches (?<reached>\\d+) of (?<eligible>\\d+) eligible users")]
    private static partial Regex Reach();
}
