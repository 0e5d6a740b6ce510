using System.Globalization;
using Bunit;
using MudBlazor;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Explanations;
using RecSaeExplorer.Web.Components.Neurons;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Neurons;

[Collection(NeuronRunsCollection.Name)]
public sealed class WhyThisItemTests(NeuronRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Clicking_a_top_list_row_explains_its_score_with_parts_that_add_up_to_it()
    {
        var user = runs.Sae.Dataset.Users[7];
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<UserPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.UserId, user.Id));
        cut.WaitForAssertion(() => Assert.Equal(30, cut.FindAll(".user-top-list tr.item-row").Count), Wait);

        cut.FindAll(".user-top-list tr.item-row")[2].Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".why-parts tr.why-part")), Wait);
        var top = await runs.Sae.TopListAsync(user.Index);
        var item = runs.Sae.Dataset.Items[top.Items[2]];
        var why = await runs.Sae.ExplainAsync(user.Index, item.Index);
        double shown = Value(cut.Find(".why-score"));
        Assert.Equal(top.Scores[2], shown, 4);
        Assert.Equal(why.Score, shown, 9);
        double sum = cut.FindAll(".why-parts td.why-value").Sum(Value);
        Assert.InRange(Math.Abs(sum - shown), 0, 1e-4);
        Assert.Equal(why.TopPositive(6).Select(n => runs.Sae.Caption(n.Neuron)),
            cut.FindAll(".why-parts tr.up a").Select(a => a.TextContent.Trim()));
        Assert.Contains("rank 3 of the user's top 30", cut.Find(".why-standing").TextContent);
        Assert.Contains("selected", cut.FindAll(".user-top-list tr.item-row")[2].ClassName);
        Assert.Empty(cut.FindAll(".why-approximate")); // MF: exact
    }

    [Fact]
    public async Task An_unlisted_item_says_what_it_would_take_and_links_to_the_promotion_lab()
    {
        var user = runs.Sae.Dataset.Users[3];
        var top = await runs.Sae.TopListAsync(user.Index);
        var train = runs.Sae.Split.Train;
        WhyNotAnswer? answer = null;
        ItemInfo? item = null;
        foreach (var candidate in runs.Sae.Dataset.Items.OrderByDescending(i => i.Popularity)
                     .Where(i => !train.Contains(user.Index, i.Index) && top.RankOf(i.Index) is null).Take(20))
        {
            var a = await runs.Sae.WhyNotAsync(user.Index, candidate.Index);
            if (a.Best is null) continue;
            (answer, item) = (a, candidate);
            break;
        }
        Assert.NotNull(answer);
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();

        var cut = ctx.Render<WhyThisItem>(p => p.Add(c => c.Sae, runs.Sae).Add(c => c.User, user).Add(c => c.Item, item));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".why-not")), Wait);
        Assert.Contains($"rank {answer!.Rank} (not in the top 30)", cut.Find(".why-standing").TextContent);
        Assert.Equal(answer.Gap.ToString("0.000", CultureInfo.InvariantCulture), cut.Find(".why-gap").TextContent.Trim());
        Assert.True(answer.Gap > 0);
        var best = answer.Best!;
        string href = cut.Find("a.why-not-lab").GetAttribute("href")!;
        Assert.Contains($"item={item!.Id}&neuron={best.Neuron}&level={best.Level.ToString("R", CultureInfo.InvariantCulture)}", href);
        Assert.Contains($"audience=user%3A{user.Id}", href);
        Assert.Contains(runs.Sae.Caption(best.Neuron), cut.Find(".why-not-best").TextContent);
        double sum = cut.FindAll(".why-parts td.why-value").Sum(Value);
        Assert.InRange(Math.Abs(sum - Value(cut.Find(".why-score"))), 0, 1e-4);
    }

    [Fact]
    public async Task The_user_side_switch_explains_the_same_score_over_the_users_code()
    {
        var user = runs.Sae.Dataset.Users[11];
        var item = runs.Sae.Dataset.Items.OrderByDescending(i => i.Popularity).First();
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<WhyThisItem>(p => p.Add(c => c.Sae, runs.Sae).Add(c => c.User, user).Add(c => c.Item, item));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".why-parts tr.why-part")), Wait);
        double itemSide = Value(cut.Find(".why-score"));

        await cut.InvokeAsync(() => cut.Find(".why-side input").Change(true));

        cut.WaitForAssertion(() => Assert.Contains("z_k (user)", cut.Find(".why-parts thead").TextContent), Wait);
        var why = await runs.Sae.ExplainAsync(user.Index, item.Index, ExplainedSide.User);
        Assert.Equal(itemSide, Value(cut.Find(".why-score")), 9);
        Assert.Equal(why.TopPositive(6).Select(n => runs.Sae.Caption(n.Neuron)), cut.FindAll(".why-parts tr.up a").Select(a => a.TextContent.Trim()));
        Assert.InRange(Math.Abs(cut.FindAll(".why-parts td.why-value").Sum(Value) - itemSide), 0, 1e-4);
    }

    private static double Value(AngleSharp.Dom.IElement cell) => double.Parse(cell.GetAttribute("data-value")!, CultureInfo.InvariantCulture);
}
