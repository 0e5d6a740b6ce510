using Microsoft.Playwright;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>The neurons grid and a neuron page in Debian's Chromium, over a store with a trained SAE run.</summary>
public sealed class NeuronPagesBrowserTests(TrainedExplorerServer server) : IClassFixture<TrainedExplorerServer>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task The_grid_opens_a_neuron_page_whose_charts_are_drawn_and_top_items_listed()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };

        await page.GotoAsync(new Uri(server.BaseAddress, "neurons").ToString());
        await Assertions.Expect(page.Locator("tr.neuron-row")).ToHaveCountAsync(Math.Min(50, server.Width), new() { Timeout = Timeout });
        await SearchUntilLiveAsync(page, "no such concept");
        await Assertions.Expect(page.Locator("tr.neuron-row")).ToHaveCountAsync(0);
        await page.Locator(".neuron-search input").FillAsync("");
        await Assertions.Expect(page.Locator("tr.neuron-row")).ToHaveCountAsync(Math.Min(50, server.Width), new() { Timeout = Timeout });
        await page.Locator($"a.neuron-link[href='neurons/{server.SaeId}/{server.Neuron}']").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, $"neurons/{server.SaeId}/{server.Neuron}").ToString(), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".value-bar-chart .main-svg").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".value-bar-chart .js-plotly-plot")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".histogram-chart .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr.top-item a.item-link")).ToHaveTextAsync(server.TopTitles.Take(25).ToArray());
        await Assertions.Expect(page.Locator("tr.probe-item").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Chromium.SaveScreenshotAsync(page, "neuron.png");
        Assert.Empty(consoleErrors);
    }

    /// <summary>
    /// Types into the grid's search until the grid answers: the first input may reach the prerendered
    /// page before the circuit is live, and is then lost.
    /// </summary>
    private static async Task SearchUntilLiveAsync(IPage page, string text)
    {
        var input = page.Locator(".neuron-search input");
        for (int attempt = 0; attempt < 30; attempt++)
        {
            await input.FillAsync(text);
            if (await page.GetByText("No neuron matches.").IsVisibleAsync()) return;
            await page.WaitForTimeoutAsync(1000);
            if (await page.GetByText("No neuron matches.").IsVisibleAsync()) return;
        }
        Assert.Fail("The neurons grid never answered the search.");
    }
}
