using Microsoft.Playwright;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>
/// A system Chromium through Playwright's bundled driver (Playwright's own browser download does not work
/// here): <c>RECSAE_CHROMIUM</c> names the executable, Debian's package is the default.
/// </summary>
internal static class Chromium
{
    public const string Variable = "RECSAE_CHROMIUM";
    public const string DebianPath = "/usr/bin/chromium";

    public static string Path { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : DebianPath;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: apt-get install -y chromium, or set {Variable} to a Chromium executable");
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Screenshots go to the gitignored .recsae/screenshots folder of the checkout, for people to look at.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        string folder = System.IO.Path.Combine(TestPaths.RepoRoot, ".recsae", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(folder, name), FullPage = true });
    }
}
