using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Components.Labs;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Tests.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Pages;

/// <summary>
/// The promotion lab leads with the guardrail: reach for all and for unflagged users, an exclude switch, warnings on
/// flagged users' lists, real change counts, a sortable and filterable table, and experiments that carry it all.
/// Every expectation is computed through the engine with a context of its own, not read back from the lab.
/// </summary>
[Collection(TinyRunsCollection.Name)]
public sealed class GuardrailLabTests(TinyRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_exclude_flagged_switch_changes_reach_exactly_as_the_guardrail_computes()
    {
        var (lab, rbo, threshold) = await CaseAsync();
        await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog, threshold);
        var step = await LabServices.IndependentStepAsync(lab.Sae, lab.Audience, lab.Item, new LatentEdit([lab.Neuron], lab.High));
        var kept = step.Users.Select((u, p) => rbo[p] >= threshold).ToArray();
        int reachedUnflagged = step.Users.Where((u, p) => kept[p] && u.Reached).Count();
        int eligibleUnflagged = step.Users.Where((u, p) => kept[p] && !u.Excluded && u.BaselineRank is null).Count();
        Assert.True(kept.Count(k => !k) > 0 && reachedUnflagged < step.Reached, "the case must have flagged users among the reached");
        ctx.GoTo($"lab/promote?{lab.Query(lab.High)}");

        var cut = ctx.Render<PromotionLab>();
        cut.WaitForAssertion(() => Assert.Equal(step.Reached.ToString("N0"), Stat(cut, "reached")), Wait);
        var split = cut.Find(".guardrail-reach");
        Assert.Equal((step.Reached, step.Eligible, reachedUnflagged, eligibleUnflagged, kept.Count(k => !k)),
            (Int(split, "data-reached-all"), Int(split, "data-eligible-all"), Int(split, "data-reached-unflagged"), Int(split, "data-eligible-unflagged"), Int(split, "data-flagged")));

        cut.Find(".exclude-flagged-switch input").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(reachedUnflagged.ToString("N0"), Stat(cut, "reached")), Wait);
        Assert.Equal(eligibleUnflagged.ToString("N0"), Stat(cut, "eligible"));
        Assert.Equal(kept.Count(k => k).ToString("N0"), Stat(cut, "audience"));
        Assert.All(cut.FindAll(".lab-user-row"), row => Assert.DoesNotContain("flagged", row.ClassList));
        await EngineServices.Eventually(() => ctx.Uri().EndsWith("&flagged=exclude", StringComparison.Ordinal), "the switch in the URL");

        cut.Find(".exclude-flagged-switch input").Change(false);
        cut.WaitForAssertion(() => Assert.Equal(step.Reached.ToString("N0"), Stat(cut, "reached")), Wait);
    }

    [Fact]
    public async Task A_flagged_users_lists_carry_a_warning_and_count_one_in_one_out()
    {
        var (lab, rbo, threshold) = await CaseAsync();
        await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog, threshold);
        var users = RecSaeExplorer.Engine.Interventions.Audience.Parse(lab.Audience, lab.Sae.Dataset, lab.Sae.Split).Users;
        int Reached(bool flagged) => lab.Sae.Dataset.Users[users[Enumerable.Range(0, users.Count)
            .First(p => lab.HighStep.Users[p].Reached && (rbo[p] < threshold) == flagged)]].Id;

        ctx.GoTo($"lab/promote?{lab.Query(lab.High, Reached(flagged: true))}");
        var cut = ctx.Render<PromotionLab>();
        cut.WaitForAssertion(() => Assert.Contains("Flagged by the guardrail", cut.Find(".flagged-user-warning").TextContent), Wait);
        // A promotion inserts one item: one enters, the last one leaves, everything between moves down one place.
        Assert.Equal("After (1 in, 1 out)", cut.Find(".after-changes").TextContent.Trim());

        ctx.GoTo($"lab/promote?{lab.Query(lab.High, Reached(flagged: false))}");
        var other = ctx.Render<PromotionLab>();
        other.WaitForAssertion(() => Assert.NotEmpty(other.FindAll(".top-list-compare")), Wait);
        Assert.Empty(other.FindAll(".flagged-user-warning"));
    }

    [Fact]
    public async Task The_users_table_filters_by_outcome_and_sorts_by_guardrail_rbo()
    {
        var (lab, rbo, threshold) = await CaseAsync();
        await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog, threshold);
        ctx.GoTo($"lab/promote?{lab.Query(lab.High)}");
        var cut = ctx.Render<PromotionLab>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".lab-user-row")), Wait);
        var table = cut.FindComponent<PromotionUsersTable>();

        await cut.InvokeAsync(() => table.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("flagged"));
        cut.WaitForAssertion(() => Assert.Equal($"{rbo.Count(r => r < threshold)} of {rbo.Length} users", cut.Find(".lab-users-count").TextContent.Trim()), Wait);
        Assert.NotEmpty(cut.FindAll(".lab-user-row"));
        Assert.All(cut.FindAll(".lab-user-row"), row => Assert.Contains("flagged", row.ClassList));

        await cut.InvokeAsync(() => table.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("all"));
        cut.Find(".sort-rbo").Click();
        cut.WaitForAssertion(() =>
        {
            var shown = cut.FindAll(".lab-user-row td[data-rbo]").Select(td => double.Parse(td.GetAttribute("data-rbo")!, CultureInfo.InvariantCulture)).ToList();
            // The table is virtualized: the rows drawn are the first ones, in ascending guardrail RBO.
            Assert.NotEmpty(shown);
            Assert.Equal(rbo.Order().Take(shown.Count), shown);
        }, Wait);
    }

    [Fact]
    public async Task A_saved_promotion_carries_the_guardrail_the_minimum_level_the_pushed_out_items_and_a_full_link()
    {
        var (lab, rbo, threshold) = await CaseAsync();
        string author = $"guard-{Guid.NewGuid():N}";
        await using var ctx = ExplorerTestContext.Create().SignIn(author, Roles.Analyst).WithLabs(runs.Catalog, threshold);
        ctx.GoTo($"lab/promote?{lab.Query(lab.High)}&flagged=exclude");
        var cut = ctx.Render<PromotionLab>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".top-list-compare")), Wait);
        cut.Find(".save-note input").Change("guarded");
        cut.Find(".save-experiment-button").Click();

        cut.WaitForAssertion(() => Assert.Single(runs.Catalog.Experiments(lab.Sae.Run.Id), e => e.Author == author), Wait);
        var saved = runs.Catalog.Experiments(lab.Sae.Run.Id).Single(e => e.Author == author);
        var kept = rbo.Select(r => r >= threshold).ToArray();
        var expectedPushed = lab.HighStep.Users.Where((u, p) => kept[p] && u.PushedOut is not null).GroupBy(u => u.PushedOut!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => lab.Sae.Dataset.Items[g.Key].Id).ToList();
        Assert.Equal(rbo.Count(r => r < threshold), saved.GuardrailFlagged);
        Assert.Equal(threshold, saved.GuardrailThreshold);
        Assert.Equal(lab.HighStep.Reached, saved.Reached);
        Assert.Equal(lab.HighStep.Users.Where((u, p) => kept[p] && u.Reached).Count(), saved.ReachedUnflagged);
        Assert.Equal(expectedPushed, saved.PushedOut);
        Assert.Equal(await MinimumLevelAsync(lab, kept), saved.MinimumLevel);
        Assert.StartsWith("http", saved.Link);
        Assert.EndsWith($"lab/promote?{saved.State}", saved.Link);
        Assert.Contains("flagged=exclude", saved.State);
        var curve = await DoseCurveAsync(lab, kept);
        Assert.Equal(curve, saved.DoseCurve);

        string csv = ExperimentCsv.ToText([saved]);
        string[] header = csv.Split('\n')[0].Trim().Split(',');
        Assert.Contains("GuardrailFlagged", header);
        Assert.Contains("MinimumLevel", header);
        Assert.Contains("PushedOut", header);
        Assert.Contains("Link", header);
        Assert.Contains(saved.Link!, csv);
        Assert.Contains("DoseCurve", header);
        var top = curve[^1];
        Assert.Contains(FormattableString.Invariant($"{top.Level:R}:{top.Value:R}/{top.Unflagged:R}"), csv);
    }

    // Reach over all users and over the kept ones at every grid level, computed through the engine.
    private static Task<List<DosePoint>> DoseCurveAsync(LabCase lab, bool[] kept) => lab.Sae.RunAsync(() =>
    {
        var users = RecSaeExplorer.Engine.Interventions.Audience.Parse(lab.Audience, lab.Sae.Dataset, lab.Sae.Split).Users;
        using var context = new InterventionContext(lab.Sae.Recommender.Recommender.Model, lab.Sae.Sae.Sae, lab.Sae.Split.Train, users);
        return RecSaeExplorer.Web.Labs.LevelGrid.For(lab.Sae.Profiles[lab.Neuron].MaxActivation, EditMode.Set).Levels.Select(level =>
        {
            var s = Promotion.Step(context, lab.Item, new LatentEdit([lab.Neuron], level));
            return new DosePoint(level, s.Users.Count(u => u.Reached), s.Users.Where((u, p) => kept[p] && u.Reached).Count());
        }).ToList();
    });

    // The smallest grid level whose reach over the kept users is at least half their eligible, computed through the engine.
    private static Task<double?> MinimumLevelAsync(LabCase lab, bool[] kept) => lab.Sae.RunAsync(() =>
    {
        var users = RecSaeExplorer.Engine.Interventions.Audience.Parse(lab.Audience, lab.Sae.Dataset, lab.Sae.Split).Users;
        using var context = new InterventionContext(lab.Sae.Recommender.Recommender.Model, lab.Sae.Sae.Sae, lab.Sae.Split.Train, users);
        foreach (double level in RecSaeExplorer.Web.Labs.LevelGrid.For(lab.Sae.Profiles[lab.Neuron].MaxActivation, EditMode.Set).Levels)
        {
            var s = Promotion.Step(context, lab.Item, new LatentEdit([lab.Neuron], level));
            int reached = s.Users.Where((u, p) => kept[p] && u.Reached).Count();
            int eligible = s.Users.Where((u, p) => kept[p] && !u.Excluded && u.BaselineRank is null).Count();
            if (eligible > 0 && reached / (double)eligible >= 0.5) return (double?)level;
        }
        return null;
    });

    /// <summary>The lab case, each audience user's reconstruction RBO and a threshold that flags some reached users and not others.</summary>
    private async Task<(LabCase Lab, double[] Rbo, double Threshold)> CaseAsync()
    {
        var sae = await new ConceptCatalog(runs.Catalog, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConceptCatalog>.Instance).OpenAsync(runs.Sae.Id);
        var lab = await LabCase.FindAsync(sae);
        double[] rbo = await sae.RunAsync(() =>
        {
            var users = RecSaeExplorer.Engine.Interventions.Audience.Parse(lab.Audience, sae.Dataset, sae.Split).Users;
            using var context = new InterventionContext(sae.Recommender.Recommender.Model, sae.Sae.Sae, sae.Split.Train, users);
            return context.ReconstructionAgreement().Select(a => a.Rbo).ToArray();
        });
        // The median RBO of the reached users: about half of them flagged, whatever the tiny run's fidelity.
        var reached = lab.HighStep.Users.Select((u, p) => (u, p)).Where(t => t.u.Reached).Select(t => rbo[t.p]).Order().ToList();
        double threshold = reached[reached.Count / 2];
        return (lab, rbo, threshold);
    }

    private static int Int(AngleSharp.Dom.IElement e, string attribute) => int.Parse(e.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    private static string Stat<T>(IRenderedComponent<T> cut, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"[data-stat='{name}'] .lab-stat-value").TextContent.Trim();
}
