using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RecSaeExplorer.Web.Tests.Browser;

/// <summary>
/// The four-eyes flow end to end, one browser context per person: an analyst saves a draft from the lab, a governor
/// submits it and gets no approve button, a second governor approves, the spec downloads and re-imports onto the
/// same run (accepted) but not onto a second SAE run on the same recommender, with another model's hash, or onto a run that is
/// not an SAE (refused); the admin's
/// audit CSV has every step with its identity.
/// </summary>
public sealed partial class FourEyesBrowserTests(LabServer server) : IClassFixture<LabServer>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task Draft_submit_refuse_self_approval_approve_export_and_import()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();

        // The analyst saves the lab's promotion: a draft.
        var ana = await SignedInAsync(browser, TestAccounts.Analyst, errors);
        await ana.GotoAsync(Url($"lab/promote?{server.Case.Query(server.Case.High)}"));
        await Assertions.Expect(ana.Locator("[data-stat='reached'] .lab-stat-value")).ToHaveTextAsync(server.Case.HighStep.Reached.ToString("N0"), new() { Timeout = Timeout });
        await ana.Locator(".save-note input").FillAsync("four eyes please");
        await ana.Locator(".save-experiment-button").ClickAsync();
        var saved = ana.GetByText(SavedPattern());
        await Assertions.Expect(saved).ToBeVisibleAsync(new() { Timeout = Timeout });
        string id = SavedPattern().Match(await saved.First.InnerTextAsync()).Groups[1].Value;
        await ana.GotoAsync(Url("experiments"));
        var anaRow = ana.Locator($"[data-proposal='{id}']");
        await Assertions.Expect(anaRow).ToHaveAttributeAsync("data-status", "Draft", new() { Timeout = Timeout });
        await Assertions.Expect(anaRow.Locator(".proposal-submit")).ToHaveCountAsync(0);

        // The first governor submits and then cannot approve what they submitted.
        var gina = await SignedInAsync(browser, TestAccounts.Governor, errors);
        await gina.GotoAsync(Url("experiments"));
        await TestAccounts.WaitForCircuitAsync(gina);
        var ginaRow = gina.Locator($"[data-proposal='{id}']");
        await ginaRow.Locator(".proposal-submit").ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(ginaRow).ToHaveAttributeAsync("data-status", "Submitted", new() { Timeout = Timeout });
        await Assertions.Expect(ginaRow.Locator(".proposal-approve")).ToHaveCountAsync(0);
        await Assertions.Expect(ginaRow.Locator(".proposal-withdraw")).ToHaveCountAsync(1);

        // A second governor approves; the spec downloads.
        var gus = await SignedInAsync(browser, TestAccounts.OtherGovernor, errors);
        await gus.GotoAsync(Url("experiments"));
        await TestAccounts.WaitForCircuitAsync(gus);
        var gusRow = gus.Locator($"[data-proposal='{id}']");
        await gusRow.Locator(".proposal-approve").ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(gusRow).ToHaveAttributeAsync("data-status", "Approved", new() { Timeout = Timeout });
        var download = await gus.RunAndWaitForDownloadAsync(() => gusRow.Locator(".proposal-spec").ClickAsync());
        string spec = await File.ReadAllTextAsync((await download.PathAsync())!);
        using (var json = JsonDocument.Parse(spec))
        {
            Assert.Equal(server.Case.Sae.Run.Id, json.RootElement.GetProperty("sae").GetProperty("runId").GetString());
            Assert.Equal(64, json.RootElement.GetProperty("sae").GetProperty("weightsSha256").GetString()!.Length);
            Assert.Equal(("ana", "gina", "gus"), (json.RootElement.GetProperty("author").GetString(), json.RootElement.GetProperty("submitter").GetString(),
                json.RootElement.GetProperty("approver").GetString()));
        }

        // Re-import: the same run accepts it; a genuinely different SAE run (same recommender, other weights) is refused,
        // and so are another model's hash and a run that is not an SAE.
        Assert.Equal("yes", await ImportAsync(gus, spec, server.Case.Sae.Run.Id));
        Assert.NotEqual(server.Case.Sae.Run.Id, server.OtherSaeId);
        Assert.Equal("no", await ImportAsync(gus, spec, server.OtherSaeId));
        await Assertions.Expect(gus.Locator(".spec-result")).ToContainTextAsync($"run {server.OtherSaeId} is SAE");
        string otherHash = Regex.Replace(spec, "(\"sae\":\\s*\\{[^}]*\"weightsSha256\":\\s*\")[0-9a-f]{64}", m => m.Groups[1].Value + new string('0', 64));
        Assert.NotEqual(spec, otherHash);
        Assert.Equal("no", await ImportAsync(gus, otherHash, server.Case.Sae.Run.Id));
        Assert.Equal("no", await ImportAsync(gus, spec, server.Case.Sae.Run.ParentRunId!));

        // Every step is in the audit trail with its identity.
        var root = await SignedInAsync(browser, TestAccounts.Admin, errors);
        var csv = await (await root.Context.APIRequest.GetAsync(Url("admin/audit.csv"))).TextAsync();
        foreach (string expected in new[] { $"ana,experiment-saved,{id}", $"ana,proposal-state,{id},,Draft", $"gina,proposal-state,{id},Draft,Submitted",
                     $"gus,proposal-state,{id},Submitted,Approved", $"gus,spec-exported,{id}", $"gus,spec-imported,{id},,Accepted" })
            Assert.Contains(expected, csv);
        Assert.Equal(2, Regex.Matches(csv, $"gus,spec-imported,{id},,Refused").Count);
        Assert.Single(Regex.Matches(csv, $"gus,spec-imported,{id},,There is no SAE run"));
        await Chromium.SaveScreenshotAsync(gus, "four-eyes.png");
        Assert.Empty(errors);
    }

    private async Task<IPage> SignedInAsync(IBrowser browser, string account, List<string> errors)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{account}: {m.Text}"); };
        await TestAccounts.SignInAsync(page, server.BaseAddress, account);
        return page;
    }

    private static async Task<string?> ImportAsync(IPage page, string spec, string runId)
    {
        await page.Locator(".spec-json textarea").FillAsync(spec);
        await page.Locator(".spec-run input").FillAsync(runId);
        var before = await page.Locator(".spec-result").CountAsync() > 0 ? await page.Locator(".spec-result").InnerTextAsync() : null;
        await page.Locator(".spec-import-button").ClickAsync();
        await Assertions.Expect(page.Locator(".spec-result")).ToBeVisibleAsync(new() { Timeout = Timeout });
        if (before is not null) await Assertions.Expect(page.Locator(".spec-result")).Not.ToHaveTextAsync(before, new() { Timeout = Timeout });
        return await page.Locator(".spec-result").GetAttributeAsync("data-accepted");
    }

    private string Url(string path) => new Uri(server.BaseAddress, path).ToString();

    [GeneratedRegex(@"Saved experiment (\w+):")]
    private static partial Regex SavedPattern();
}
