using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>The Neurons, Experiments and Runs tables fit a 1280 px window: no horizontal scrolling inside the table or the page.</summary>
public sealed class TableWidthBrowserTests(WideTablesServer server, ITestOutputHelper output) : IClassFixture<WideTablesServer>
{
    private const float Timeout = 60_000;

    [Theory]
    [InlineData("neurons", ".neurons-grid", "tr.neuron-row")]
    [InlineData("experiments", ".experiments-grid", ".experiments-grid tbody tr")]
    [InlineData("runs", ".runs-grid", ".runs-grid tbody tr")]
    public async Task The_table_fits_at_1280_px(string path, string grid, string row)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
        await Assertions.Expect(page.Locator(row).First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.Locator(".circuit-live").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Timeout });

        var (scroll, client) = await WidthsAsync(page, grid);
        output.WriteLine($"{path} at 1280 px: table scrollWidth {scroll}, clientWidth {client}");
        await Chromium.SaveScreenshotAsync(page, $"{path}-1280.png");
        Assert.True(scroll <= client, $"{path}: the table is {scroll} px wide in a {client} px box");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path}: the page scrolls sideways");
    }

    private static async Task<(int Scroll, int Client)> WidthsAsync(IPage page, string grid)
    {
        var widths = await page.EvaluateAsync<int[]>($"() => {{ const e = document.querySelector('{grid} .mud-table-container'); return [e.scrollWidth, e.clientWidth]; }}");
        return (widths[0], widths[1]);
    }
}
