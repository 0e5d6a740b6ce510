using System.Globalization;
using Microsoft.Playwright;

namespace RecSaeExplorer.Benchmarks;

/// <summary>
/// Latency of the promotion lab as a person feels it: from a slider key press to the chosen user's updated
/// top-30 in Chromium, against an explorer that is already running (start it on the store to measure).
/// Run: <c>lab-latency url=&lt;lab link with run, item, neuron, audience&gt; [moves=50] [sessions=1] [seconds=60]
/// [pace=ms] [ramp=ms] [signin=name:password] [charts=stub] [screenshot=file.png] [chromium=/usr/bin/chromium]</c>. One session makes <c>moves</c> moves; several
/// sessions each move for <c>seconds</c>. Without <c>pace</c> each session presses the next key as soon as the
/// last move shows (a closed loop: the load a machine saturates under); with it, a session presses at most one
/// key per <c>pace</c> ms, like a person stepping a slider. Prints p50/p95/max and the errors (moves not shown
/// within 10 s, page errors, failed sign-ins, pages that did not load within 3 minutes). Session i opens its page
/// i × <c>ramp</c> ms after the first (50 pages opened at once on 2 cores time out before any slider moves). With <c>signin</c> every session first signs in through the login form
/// (e.g. a viewer account, against an explorer started with <c>Security__AnonymousViewer=false</c>), so each move runs
/// in a circuit with a sign-in cookie: compare with the same run without it for the cost of authentication. Use
/// <c>{i}</c> in the name (<c>signin=viewer{i}:pw</c> → viewer1, viewer2, ...) so sessions are different people: one
/// name shared by all sessions meets the per-person cap on heavy lab work (Explorer:MaxConcurrentLabWorkPerUser).
/// <c>charts=stub</c> serves the pages a Plotly that accepts every call and draws nothing: the server's work per move
/// (re-rank, render, diff) is unchanged, but 50 tabs no longer spend the machine's two cores drawing charts, which
/// is the browser's cost, not the explorer's.
/// </summary>
internal static class LabLatency
{
    public const string Command = "lab-latency";
    private const int MoveTimeoutMs = 10_000;

    // Times each key press in the page itself: keydown → the DOM batch in which the compared lists show the slider's new level.
    private const string Probe = """
        () => {
          window.__lat = []; window.__t0 = 0; window.__reconnects = 0;
          // Blazor raises this on the reconnect dialog when the circuit's connection drops (state 'show').
          document.addEventListener('components-reconnect-state-changed', e => { if (e.detail?.state === 'show') window.__reconnects++; }, true);
          const slider = () => document.querySelector('.level-slider input[type=range]');
          document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
          new MutationObserver(() => {
            const lists = document.querySelector('.top-list-compare');
            if (!window.__t0 || !lists) return;
            if (Math.abs(parseFloat(lists.dataset.level) - parseFloat(slider().value)) < 1e-9) {
              window.__lat.push(performance.now() - window.__t0); window.__t0 = 0;
              if (window.__wake) window.__wake();
            }
          }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        """;

    // Resolves with the n-th measured move when it lands (woken by the observer: no polling, which 20 tabs would pay for).
    private const string Next = """
        ({ n, timeout }) => new Promise((resolve, reject) => {
          const timer = setTimeout(() => { window.__wake = null; reject(new Error('move timeout')); }, timeout);
          const check = () => { if (window.__lat.length > n) { clearTimeout(timer); window.__wake = null; resolve(window.__lat[n]); } };
          window.__wake = check; check();
        })
        """;

    // Plotly's API as Plotly.Blazor and the level line call it, drawing nothing.
    private const string PlotlyStub = """
        (() => {
          const el = gd => typeof gd === 'string' ? document.getElementById(gd) : gd;
          const done = gd => { const e = el(gd); if (e && !e.on) e.on = () => {}; return Promise.resolve(e); };
          window.Plotly = { newPlot: done, react: done, relayout: done, restyle: done, update: done, addTraces: done, deleteTraces: done,
            extendTraces: done, prependTraces: done, purge: () => {}, toImage: () => Promise.resolve(''), downloadImage: () => Promise.resolve() };
        })();
        """;

    public static async Task RunAsync(string[] args)
    {
        var o = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        string url = o.TryGetValue("url", out var u) ? u : throw new ArgumentException("lab-latency needs url=<promotion lab link>.");
        int moves = Int(o, "moves", 50), sessions = Int(o, "sessions", 1), seconds = Int(o, "seconds", 60);
        var pace = TimeSpan.FromMilliseconds(Int(o, "pace", 0));
        bool stubCharts = o.GetValueOrDefault("charts") == "stub";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = o.GetValueOrDefault("chromium", "/usr/bin/chromium"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
        });
        TimeSpan? duration = sessions == 1 ? null : TimeSpan.FromSeconds(seconds);
        var signIn = o.TryGetValue("signin", out var account) ? account.Split(':', 2) : null;
        var ramp = TimeSpan.FromMilliseconds(Int(o, "ramp", 0));
        var runs = await Task.WhenAll(Enumerable.Range(0, sessions).Select(async i =>
        {
            await Task.Delay(ramp * i);
            try
            {
                // {i} in the name gives each session its own account (1-based): the per-person cap on heavy lab work counts per name.
                var account = signIn is null ? null : new[] { signIn[0].Replace("{i}", (i + 1).ToString(CultureInfo.InvariantCulture)), signIn.ElementAtOrDefault(1) ?? "" };
                return await SessionAsync(browser, url, moves, duration, pace, account, stubCharts, o.GetValueOrDefault("screenshot"));
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                Console.Error.WriteLine($"session failed: {e.Message.Split('\n')[0]}");
                return ([], 1); // its moves are lost; the session counts as one error
            }
        }));
        var times = runs.SelectMany(r => r.Times).Order().ToArray();
        int errors = runs.Sum(r => r.Errors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sessions {sessions}{(stubCharts ? " (charts stubbed)" : "")}, {(signIn is null ? "anonymous" : $"signed in as {signIn[0]}")}, pace {pace.TotalMilliseconds:F0} ms, moves {times.Length} (per session {string.Join('/', runs.Select(r => r.Times.Count))}), errors {errors}; slider → top-30 ms: p50 {Pct(times, 0.5):F0}, p95 {Pct(times, 0.95):F0}, max {(times.Length == 0 ? 0 : times[^1]):F0}"));
    }

    private static async Task<(List<double> Times, int Errors)> SessionAsync(IBrowser browser, string url, int moves, TimeSpan? duration, TimeSpan pace,
        string[]? signIn, bool stubCharts, string? screenshot)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1100 } });
        if (stubCharts)
            await page.RouteAsync("**/plotly-*.min.js", route => route.FulfillAsync(new() { ContentType = "text/javascript", Body = PlotlyStub }));
        page.SetDefaultTimeout(180_000); // an overloaded machine is measured, not crashed on
        int errors = 0;
        page.PageError += (_, e) => { errors++; Console.Error.WriteLine($"page error: {e}"); };
        // SignalR reports a failed WebSocket and a fallback to long polling only in the console.
        page.Console += (_, m) => { if (m.Type is "warning" or "error") Console.Error.WriteLine($"console {m.Type}: {m.Text.Split('\n')[0]}"); };
        if (signIn is not null && !await SignInAsync(page, new Uri(url), signIn[0], signIn.ElementAtOrDefault(1) ?? ""))
        {
            await page.CloseAsync();
            return ([], 1);
        }
        var slider = page.Locator(".level-slider input[type=range]");
        try
        {
            await page.GotoAsync(url, new() { Timeout = 180_000 });
            await page.Locator(".top-list-compare").WaitForAsync(new() { Timeout = 180_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Console.Error.WriteLine($"lab did not load: {e.Message.Split('\n')[0]}");
            await page.CloseAsync();
            return ([], errors + 1);
        }
        await page.EvaluateAsync(Probe);
        await slider.FocusAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        var metricsBefore = await RendererMetricsAsync(cdp);
        var times = new List<double>();
        // Each session moves for the full duration once its page is live (loading 20 pages takes a while on 2 cores).
        var deadline = duration is { } d ? DateTime.UtcNow + d : (DateTime?)null;
        string key = "ArrowRight";
        int seen = 0;
        for (int m = 0; deadline is null ? m < moves : DateTime.UtcNow < deadline; m++)
        {
            if (await slider.InputValueAsync() == await slider.GetAttributeAsync("max")) key = "ArrowLeft";
            else if (await slider.InputValueAsync() == await slider.GetAttributeAsync("min")) key = "ArrowRight";
            var pressed = DateTime.UtcNow;
            await page.Keyboard.PressAsync(key);
            try
            {
                times.Add(await page.EvaluateAsync<double>(Next, new { n = seen, timeout = MoveTimeoutMs }));
                seen++;
            }
            catch (PlaywrightException e) when (e.Message.Contains("move timeout", StringComparison.Ordinal))
            {
                errors++; // not shown within the timeout; a late update is counted against the next move
                Console.Error.WriteLine(e.Message.Split('\n')[0] + " | move not shown: " + await page.EvaluateAsync<string>(
                    "() => JSON.stringify([document.querySelector('.level-slider input[type=range]').value, document.querySelector('.top-list-compare').dataset.level, window.__lat.length])") + $" after {key}, seen {seen}");
                await page.EvaluateAsync("() => { window.__t0 = 0; }");
                await slider.FocusAsync(); // a reconnect dialog takes the focus; a person would click the slider again

            }
            var rest = pressed + pace - DateTime.UtcNow;
            if (rest > TimeSpan.Zero) await Task.Delay(rest);
        }
        if (duration is null && times.Count > 0)
        {
            // Where the page's own time went per move (renderer main thread, from Chrome's Performance domain).
            var after = await RendererMetricsAsync(cdp);
            Console.WriteLine("renderer ms per move: " + string.Join(", ", new[] { "TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration" }
                .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Replace("Duration", "")} {1000 * (after[k] - metricsBefore[k]) / times.Count:F1}"))));
        }
        int reconnects = await page.EvaluateAsync<int>("() => window.__reconnects");
        if (reconnects > 0) Console.Error.WriteLine($"the page's connection dropped {reconnects} time(s) and Blazor reconnected it");
        if (screenshot is not null) await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        await page.CloseAsync();
        return (times, errors);
    }

    /// <summary>The login form, as a person would use it; true once the page shows the signed-in name.</summary>
    private static async Task<bool> SignInAsync(IPage page, Uri lab, string name, string password)
    {
        try
        {
            await page.GotoAsync(new Uri(lab, "/account/login").ToString(), new() { Timeout = 180_000 });
            await page.Locator("input[name=userName]").FillAsync(name);
            await page.Locator("input[name=password]").FillAsync(password);
            await page.Locator("button.login-submit").ClickAsync();
            await page.Locator(".user-name").WaitForAsync(new() { Timeout = 180_000 });
            return true;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Console.Error.WriteLine($"sign-in failed: {e.Message.Split('\n')[0]}");
            return false;
        }
    }

    private static async Task<Dictionary<string, double>> RendererMetricsAsync(ICDPSession cdp)
    {
        var reply = await cdp.SendAsync("Performance.getMetrics");
        return reply!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }

    private static int Int(Dictionary<string, string> o, string key, int fallback) =>
        o.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static double Pct(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
