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

        // The prerendered page disables its text fields: typing before the circuit is live would be wiped, not kept.
        using (var http = new HttpClient())
        {
            string html = await http.GetStringAsync(new Uri(server.BaseAddress, $"neurons/{server.SaeId}"));
            var search = System.Text.RegularExpressions.Regex.Match(html, "<div[^>]*neuron-search.*?<input[^>]*>", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.True(search.Success, "the search field is in the prerendered page");
            Assert.Contains("disabled", search.Value);
        }
        await page.GotoAsync(new Uri(server.BaseAddress, "neurons").ToString());
        await Assertions.Expect(page.Locator("tr.neuron-row")).ToHaveCountAsync(Math.Min(50, server.Width), new() { Timeout = Timeout });
        // Once live the field takes the text at the first try: no retyping.
        await page.Locator(".neuron-search input").FillAsync("no such concept");
        await Assertions.Expect(page.Locator(".neuron-search input")).ToHaveValueAsync("no such concept");
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
}
