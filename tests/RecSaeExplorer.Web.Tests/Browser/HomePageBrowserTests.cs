using Microsoft.Playwright;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Core.Hosting;
using Xunit.Abstractions;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>
/// The home page in Debian's Chromium through Playwright's bundled driver (Playwright's own browser
/// download does not work here). CI installs /usr/bin/chromium; without it these tests fail.
/// </summary>
public sealed class HomePageBrowserTests(ExplorerServer server, ITestOutputHelper output) : IClassFixture<ExplorerServer>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task Home_page_draws_the_default_dataset_and_redraws_for_a_picked_one()
    {
        var catalog = new DatasetCatalog(new ProductPaths(TestPaths.ShippedData, TestPaths.ShippedData));
        var movies = DatasetStats.Of(catalog.Load(DatasetCatalog.DefaultName));
        var artists = DatasetStats.Of(catalog.Load(LastFmLoader.DatasetName));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };

        await page.GotoAsync(server.BaseAddress.ToString());
        var charts = page.Locator(".js-plotly-plot");
        await Assertions.Expect(charts).ToHaveCountAsync(2, new() { Timeout = Timeout });
        await Assertions.Expect(charts.Nth(0).Locator("g.point")).ToHaveCountAsync(Math.Min(40, movies.Facets.Count), new() { Timeout = Timeout });
        await Assertions.Expect(charts.Nth(1).Locator("g.point")).ToHaveCountAsync(movies.Decades.Count);
        await Assertions.Expect(page.Locator("[data-stat='Users'] .stat-value")).ToHaveTextAsync(movies.Users.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(charts.Nth(0).Locator(".xtick text").First).ToHaveTextAsync(movies.Facets[0].Label);
        await Chromium.SaveScreenshotAsync(page, "home.png");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Dataset" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = LastFmLoader.DatasetName }).ClickAsync();

        await Assertions.Expect(page.GetByText("Items per tag")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("[data-stat='Users'] .stat-value")).ToHaveTextAsync(artists.Users.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = Timeout });
        await Assertions.Expect(charts.Nth(0).Locator(".xtick text").First).ToHaveTextAsync(artists.Facets[0].Label, new() { Timeout = Timeout });
        await Chromium.SaveScreenshotAsync(page, "home-lastfm.png");

        output.WriteLine($"Explorer answered {server.StartupTime.TotalSeconds:F1} s after start.");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Dark_mode_toggle_darkens_the_page_and_recolours_the_charts()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());
        var tickLabel = page.Locator(".js-plotly-plot .xtick text").First;
        await Assertions.Expect(tickLabel).ToBeVisibleAsync(new() { Timeout = Timeout });
        string lightPage = await StyleOf(page.Locator("body"), "backgroundColor");
        string lightTicks = await StyleOf(tickLabel, "fill");

        await page.GetByLabel("Toggle dark mode").ClickAsync();

        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", lightPage);
        await Assertions.Expect(page.Locator(".js-plotly-plot .xtick text").First).Not.ToHaveCSSAsync("fill", lightTicks);
    }

    [Fact]
    public async Task Runs_page_shows_the_grid_the_form_and_the_jobs_panel()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };
        await page.GotoAsync(server.BaseAddress.ToString());
        // Navigate only once the circuit is live (Plotly draws then): a click on the prerendered page
        // would race the circuit's start.
        await Assertions.Expect(page.Locator(".js-plotly-plot .main-svg").First).ToBeVisibleAsync(new() { Timeout = Timeout });

        await page.GetByRole(AriaRole.Link, new() { Name = "Runs" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "runs").ToString(), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".runs-grid")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".runs-grid th", new() { HasText = "HR / NDCG @10 (1+99)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No runs yet")).ToBeVisibleAsync();
        // An anonymous visitor is a viewer: no training form; an analyst gets it.
        await Assertions.Expect(page.Locator(".training-not-allowed")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("button.start-training")).ToHaveCountAsync(0);
        await TestAccounts.SignInAsync(page, server.BaseAddress, TestAccounts.Analyst, "/runs");
        await Assertions.Expect(page.Locator("button.start-training")).ToBeEnabledAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByText("No training jobs in this session.")).ToBeVisibleAsync();
        await Chromium.SaveScreenshotAsync(page, "runs-empty.png");
        Assert.Empty(consoleErrors);
    }

    private static Task<string> StyleOf(ILocator element, string property) =>
        element.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");
}
