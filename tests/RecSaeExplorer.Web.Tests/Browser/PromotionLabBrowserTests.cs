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

        await slider.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(lists).Not.ToHaveAttributeAsync("data-level", Level(lab.Low), new() { Timeout = Timeout });
        await page.Keyboard.PressAsync("End");

        await Assertions.Expect(lists).ToHaveAttributeAsync("data-level", Level(lab.High), new() { Timeout = Timeout });
        await Assertions.Expect(reached).ToHaveTextAsync(lab.HighStep.Reached.ToString("N0"));
        await Assertions.Expect(page.Locator(".top-list.after li.promoted.entry")).ToContainTextAsync(title);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, $"lab/promote?{lab.Query(lab.High, server.UserId)}").ToString());
        await Chromium.SaveScreenshotAsync(page, "lab-promote.png");

        string author = $"browser-{Guid.NewGuid():N}"[..16];
        await page.Locator(".save-author input").FillAsync(author);
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

    private static string Level(double level) => level.ToString("R", CultureInfo.InvariantCulture);
}
