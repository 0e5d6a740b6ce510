using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Components.Labs;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Labs;

[Collection(TinyRunsCollection.Name)]
public sealed class PromotionLabTests(TinyRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Moving_the_level_shows_the_reach_the_engine_computes_for_that_level()
    {
        await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog);
        var lab = await CaseAsync(ctx);
        ctx.GoTo($"lab/promote?{lab.Query(lab.Low)}");

        var cut = ctx.Render<PromotionLab>();
        cut.WaitForAssertion(() => Assert.Equal(lab.LowStep.Reached.ToString("N0"), Stat(cut, "reached")), Wait);
        Assert.Equal(lab.LowStep.Eligible.ToString("N0"), Stat(cut, "eligible"));

        cut.Find(".level-slider input").Input(lab.High.ToString(CultureInfo.InvariantCulture));

        cut.WaitForAssertion(() => Assert.Equal(lab.HighStep.Reached.ToString("N0"), Stat(cut, "reached")), Wait);
        Assert.NotEqual(lab.LowStep.Reached, lab.HighStep.Reached);
        await EngineServices.Eventually(() => ctx.Uri().Contains($"level={lab.High.ToString("R", CultureInfo.InvariantCulture)}&", StringComparison.Ordinal), "the new level in the URL");
    }

    [Fact]
    public async Task The_url_carries_the_whole_state_and_a_chosen_users_lists()
    {
        await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog);
        var lab = await CaseAsync(ctx);
        var reached = lab.HighStep.Users.First(u => u.Reached);
        int userId = lab.Sae.Dataset.Users[reached.User].Id;
        ctx.GoTo($"lab/promote?{lab.Query(lab.High)}");
        var cut = ctx.Render<PromotionLab>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".lab-user-row")), Wait);

        cut.FindAll(".lab-user-row").Single(r => r.QuerySelector($"[data-user='{userId}']") is not null).Click();

        string expected = lab.Query(lab.High, userId);
        await EngineServices.Eventually(() => ctx.Uri().EndsWith($"lab/promote?{expected}", StringComparison.Ordinal), "the chosen user in the URL");
        var titles = cut.FindAll(".top-list.after li").Select(li => li.TextContent).ToList();
        Assert.Contains(titles, t => t.StartsWith(lab.Sae.Dataset.Items[lab.Item].Title, StringComparison.Ordinal) && t.EndsWith("(new)", StringComparison.Ordinal));
        Assert.Equal(reached.NewRank, titles.FindIndex(t => t.StartsWith(lab.Sae.Dataset.Items[lab.Item].Title, StringComparison.Ordinal)) + 1);
        Assert.Equal(userId.ToString(CultureInfo.InvariantCulture), cut.Find(".top-list-compare").GetAttribute("data-user"));

        // The same link in a fresh lab shows the same user and level.
        var again = ctx.Render<PromotionLab>();
        again.WaitForAssertion(() => Assert.Equal(userId.ToString(CultureInfo.InvariantCulture), again.Find(".top-list-compare").GetAttribute("data-user")), Wait);
        Assert.Equal(lab.HighStep.Reached.ToString("N0"), Stat(again, "reached"));
    }

    [Fact]
    public async Task A_saved_experiment_is_in_the_log_and_reopens_the_lab_as_it_was()
    {
        string author = $"tester-{Guid.NewGuid():N}";
        await using var ctx = ExplorerTestContext.Create().SignIn(author, RecSaeExplorer.Engine.Accounts.Roles.Analyst).WithLabs(runs.Catalog);
        var lab = await CaseAsync(ctx);
        ctx.GoTo($"lab/promote?{lab.Query(lab.High)}");
        var cut = ctx.Render<PromotionLab>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".top-list-compare")), Wait);
        Assert.Contains(author, cut.Find(".save-experiment-button").TextContent);
        cut.Find(".save-note input").Change("why not");
        cut.WaitForAssertion(() => Assert.False(cut.Find(".save-experiment-button").HasAttribute("disabled")), Wait);
        cut.Find(".save-experiment-button").Click();

        cut.WaitForAssertion(() => Assert.Single(runs.Catalog.Experiments(lab.Sae.Run.Id), e => e.Author == author), Wait);
        var saved = runs.Catalog.Experiments(lab.Sae.Run.Id).Single(e => e.Author == author);
        Assert.Equal((lab.HighStep.Reached, lab.HighStep.Eligible, lab.ItemId, lab.Neuron, lab.High), (saved.Reached, saved.Eligible, saved.ItemId, saved.Neuron, saved.Level));
        Assert.Equal("why not", saved.Note);
        await EngineServices.Eventually(() => new Uri(ctx.Uri()).Query.TrimStart('?') == saved.State, "the saved state in the URL");

        var log = ctx.Render<ExperimentsPage>();
        var row = log.FindAll(".experiments-grid tbody tr").Single(r => r.TextContent.Contains(author, StringComparison.Ordinal));
        Assert.Contains(saved.Summary, row.TextContent);
        row.QuerySelector("button.reopen")!.Click();
        Assert.EndsWith($"lab/promote?{saved.State}", ctx.Uri());
    }

    [Fact]
    public async Task Play_moves_the_level_from_zero_to_the_top_and_the_headline_reports_each_step()
    {
        await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog);
        var lab = await CaseAsync(ctx);
        ctx.GoTo($"lab/promote?{lab.Query(lab.Low)}&play=1");
        var cut = ctx.Render<PromotionLab>();
        var seen = new HashSet<string>();
        cut.OnMarkupUpdated += (_, _) =>
        {
            if (cut.FindAll(".lab-headline").FirstOrDefault()?.GetAttribute("data-level") is { } level) seen.Add(level);
        };

        // LabCase.High is the grid's top: the run ends there and the headline gives the engine's reach for it.
        string top = lab.High.ToString("R", CultureInfo.InvariantCulture);
        // About 21 frames of 350 ms plus their computation: allow for a loaded machine.
        var playing = TimeSpan.FromSeconds(90);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".level-play").GetAttribute("data-playing")), Wait);
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(".level-play").GetAttribute("data-playing")), playing);
        Assert.Equal(top, cut.Find(".lab-headline").GetAttribute("data-level"));
        Assert.Contains($"Level {lab.High:0.###} reaches {lab.HighStep.Reached} of {lab.HighStep.Eligible} eligible users", cut.Find(".lab-headline").TextContent);
        Assert.Equal(lab.HighStep.Reached.ToString("N0"), Stat(cut, "reached"));
        Assert.Contains("0", seen); // it started from 0, not from the link's level
        Assert.True(seen.Count >= 10, $"the headline followed the slider through {seen.Count} levels");
        await EngineServices.Eventually(() => !ctx.Uri().Contains("play=", StringComparison.Ordinal) && ctx.Uri().Contains($"level={top}&", StringComparison.Ordinal),
            "the played level in the URL, without the play flag");
    }

    [Theory]
    [InlineData(EditMode.Set, 0.0, 10.0)]
    [InlineData(EditMode.Cap, 0.0, -10.0)]
    public void The_demo_plays_about_twenty_grid_levels_outwards_from_zero(EditMode mode, double first, double last)
    {
        var grid = LevelGrid.For(1, mode); // 0..10 in 0.25 steps: 41 levels
        var levels = LabPageBase.PlayLevels(grid, mode);

        Assert.Equal((first, last), (levels[0], levels[^1]));
        Assert.Equal(21, levels.Count);
        Assert.All(levels, l => Assert.Equal(grid.Snap(l), l));
        Assert.Equal(levels.Count, levels.Distinct().Count());
    }

    [Fact]
    public async Task Without_a_query_the_lab_opens_the_newest_sae_run_and_asks_for_an_item()
    {
        await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog);
        string newest = ctx.Services.GetRequiredService<ConceptCatalog>().SaeRuns()[0].Id;
        ctx.GoTo("lab/promote");

        var cut = ctx.Render<PromotionLab>();

        cut.WaitForAssertion(() => Assert.Contains("Pick an item and a neuron", cut.Find(".lab-prompt").TextContent), Wait);
        await EngineServices.Eventually(() => ctx.Uri().EndsWith($"lab/promote?run={newest}&level=0&mode=set&audience=test", StringComparison.Ordinal),
            "the newest run in the URL");
        Assert.Empty(cut.FindAll(".top-list-compare"));
    }

    private async Task<LabCase> CaseAsync(BunitContext ctx) =>
        await LabCase.FindAsync(await ctx.Services.GetRequiredService<ConceptCatalog>().OpenAsync(runs.Sae.Id));

    private static string Stat<T>(IRenderedComponent<T> cut, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"[data-stat='{name}'] .lab-stat-value").TextContent.Trim();
}
