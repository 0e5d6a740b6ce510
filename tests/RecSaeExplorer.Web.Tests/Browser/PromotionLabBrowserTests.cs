using System.Globalization;
using Microsoft.Playwright;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>The promotion lab in Chromium, opened by link on the tiny trained run and driven with the keyboard.</summary>
public sealed class PromotionLabBrowserTests(LabServer server) : IClassFixture<LabServer>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task The_slider_moves_by_keyboard_update_reach_and_lists_and_the_experiment_is_logged()
    {
        var lab = server.Case;
        string title = lab.Sae.Dataset.Items[lab.Item].Title;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1100 } });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync(new Uri(server.BaseAddress, $"lab/promote?{lab.Query(lab.Low, server.UserId)}").ToString());
        var reached = page.Locator("[data-stat='reached'] .lab-stat-value");
        var lists = page.Locator(".top-list-compare");
        await Assertions.Expect(reached).ToHaveTextAsync(lab.LowStep.Reached.ToString("N0"), new() { Timeout = Timeout });
        await Assertions.Expect(lists).ToHaveAttributeAsync("data-user", server.UserId.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator(".top-list.after li.promoted")).ToHaveCountAsync(0);
        var slider = page.Locator(".level-slider input[type=range]");
        double lineAtLow = (await LevelLineAsync(page)).Line;

        await slider.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(lists).Not.ToHaveAttributeAsync("data-level", Level(lab.Low), new() { Timeout = Timeout });
        await page.Keyboard.PressAsync("End");

        await Assertions.Expect(lists).ToHaveAttributeAsync("data-level", Level(lab.High), new() { Timeout = Timeout });
        await Assertions.Expect(reached).ToHaveTextAsync(lab.HighStep.Reached.ToString("N0"));
        await Assertions.Expect(page.Locator(".top-list.after li.promoted.entry")).ToContainTextAsync(title);
        // The dose curve's level line moved right, onto one of the curve's points (a level of the grid).
        // Plotly redraws the chart after the numbers are on the page: wait for the redraw, not for a fixed time.
        var (lineAtHigh, points) = await LevelLineAsync(page);
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); lineAtHigh <= lineAtLow + 1 && waited.ElapsedMilliseconds < Timeout; )
        {
            await page.WaitForTimeoutAsync(100);
            (lineAtHigh, points) = await LevelLineAsync(page);
        }
        Assert.True(lineAtHigh > lineAtLow + 1, $"level line at {lineAtLow} px, then {lineAtHigh} px");
        Assert.True(points.Min(x => Math.Abs(x - lineAtHigh)) < 1.5, $"line at {lineAtHigh} px, points at {string.Join(", ", points)}");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, $"lab/promote?{lab.Query(lab.High, server.UserId)}").ToString());
        await Chromium.SaveScreenshotAsync(page, "lab-promote.png");

        // Anonymous visitors move sliders but cannot save; signing in returns to the same lab link.
        await Assertions.Expect(page.Locator(".save-experiment-button")).ToHaveCountAsync(0);
        string labPath = "/" + page.Url[server.BaseAddress.ToString().Length..];
        const string author = TestAccounts.Analyst;
        await TestAccounts.SignInAsync(page, server.BaseAddress, author, labPath);
        await Assertions.Expect(lists).ToHaveAttributeAsync("data-level", Level(lab.High), new() { Timeout = Timeout });
        await page.Locator(".save-note input").FillAsync("keyboard demo");
        await page.Locator(".save-experiment-button").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved experiment")).ToBeVisibleAsync(new() { Timeout = Timeout });

        await page.GetByRole(AriaRole.Link, new() { Name = "Experiments" }).ClickAsync();
        var row = page.Locator(".experiments-grid tbody tr", new() { HasText = author });
        await Assertions.Expect(row).ToContainTextAsync($"reached {lab.HighStep.Reached} of {lab.HighStep.Eligible}", new() { Timeout = Timeout });
        await Assertions.Expect(row).ToContainTextAsync("keyboard demo");
        await Chromium.SaveScreenshotAsync(page, "experiments.png");
        Assert.Empty(errors);
    }

    /// <summary>Horizontal centres, in page pixels, of the dose curve's level line and of the first curve's points.</summary>
    private static async Task<(double Line, double[] Points)> LevelLineAsync(IPage page)
    {
        await page.Locator(".level-curve-chart .shapelayer path").WaitForAsync(new() { Timeout = Timeout, State = WaitForSelectorState.Attached });
        var centres = await page.EvaluateAsync<double[][]>("""
            () => {
              const chart = document.querySelector('.level-curve-chart');
              const centre = e => { const r = e.getBoundingClientRect(); return r.left + r.width / 2; };
              return [[centre(chart.querySelector('.shapelayer path'))],
                      [...chart.querySelector('.scatterlayer .trace').querySelectorAll('.points path')].map(centre)];
            }
            """);
        return (centres[0][0], centres[1]);
    }

    private static string Level(double level) => level.ToString("R", CultureInfo.InvariantCulture);
}
