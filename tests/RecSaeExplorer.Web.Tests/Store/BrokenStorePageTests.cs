using System.Net;
using System.Security.Cryptography;
using Microsoft.Playwright;
using RecSaeExplorer.Web.Tests.Browser;

namespace RecSaeExplorer.Web.Tests.Store;

/// <summary>Every page of an explorer whose store is foreign or damaged says so (HTTP 200 with the panel), never HTTP 500.</summary>
public abstract class BrokenStorePageTests(ExplorerServer server, Func<string> storeFile, string expected)
{
    private static readonly string[] Pages = ["", "runs", "neurons/mf-0", "neurons/mf-0/3", "lab/promote", "lab/users", "experiments", "items/mf-0/1"];

    [Fact]
    public async Task Pages_show_the_store_problem_and_the_file_is_unchanged()
    {
        string before = Sha(storeFile());
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        foreach (string page in Pages)
        {
            using var response = await http.GetAsync(page);
            string html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/{page}: {(int)response.StatusCode}");
            Assert.Contains(expected, WebUtility.HtmlDecode(html));
            Assert.Contains("data-testid=\"store-problem\"", html);
        }
        using var csv = await http.GetAsync("experiments.csv");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, csv.StatusCode);
        Assert.Contains(expected, await csv.Content.ReadAsStringAsync());
        Assert.Equal(before, Sha(storeFile()));
    }

    [Fact]
    public async Task The_live_page_in_a_browser_shows_the_store_problem()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "lab/promote").ToString());
        await Assertions.Expect(page.Locator("[data-testid='store-problem']")).ToContainTextAsync(expected, new() { Timeout = 60_000 });
        await Chromium.SaveScreenshotAsync(page, $"store-problem-{GetType().Name}.png");
    }

    private static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

public sealed class ForeignStorePageTests(ForeignStoreServer server)
    : BrokenStorePageTests(server, () => server.StoreFile, "is not a RecSaeExplorer store"), IClassFixture<ForeignStoreServer>;

public sealed class DamagedStorePageTests(DamagedStoreServer server)
    : BrokenStorePageTests(server, () => server.StoreFile, "is damaged"), IClassFixture<DamagedStoreServer>;
