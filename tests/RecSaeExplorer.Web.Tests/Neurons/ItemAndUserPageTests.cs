using Bunit;
using MudBlazor;
using RecSaeExplorer.Web.Components.Charts;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Neurons;

[Collection(NeuronRunsCollection.Name)]
public sealed class ItemAndUserPageTests(NeuronRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_item_code_chart_carries_the_items_active_neurons_by_name_strongest_first()
    {
        var item = runs.Sae.Dataset.Items.OrderByDescending(i => i.Popularity).First();
        var code = runs.Sae.ItemCodes.Row(item.Index);
        var active = Enumerable.Range(0, code.Length).Where(k => code[k] > 0).OrderByDescending(k => code[k]).ThenBy(k => k).ToList();
        await using var ctx = runs.NewContext();

        var cut = ctx.Render<ItemPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.ItemId, item.Id));

        cut.WaitForAssertion(() => Assert.Single(cut.FindComponents<ValueBarChart>()), Wait);
        var bars = cut.FindComponent<ValueBarChart>().Bars();
        Assert.NotEmpty(active);
        Assert.Equal(active.Take(24).Select(k => $"#{k} {runs.Sae.LabelOf(k)}"), bars.Select(b => b.Label));
        Assert.Equal(active.Take(24).Select(k => (double)code[k]), bars.Select(b => b.Value));
        Assert.Equal(item.Title, cut.Find(".item-title").TextContent.Trim());
        Assert.Equal($"neurons/{runs.SaeId}/{active[0]}", cut.Find(".code-neurons a, .code-neurons [href]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_renamed_neuron_shows_by_its_new_name_on_the_item_axis()
    {
        var item = runs.Sae.Dataset.Items[0];
        var code = runs.Sae.ItemCodes.Row(item.Index);
        int strongest = Enumerable.Range(0, code.Length).OrderByDescending(k => code[k]).ThenBy(k => k).First();
        await using var ctx = runs.NewContext();
        var cut = ctx.Render<ItemPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.ItemId, item.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindComponents<ValueBarChart>()), Wait);
        try
        {
            runs.Concepts.Rename(runs.Sae, strongest, "Cult favourites");

            cut.WaitForAssertion(() => Assert.Equal($"#{strongest} Cult favourites", cut.FindComponent<ValueBarChart>().Bars()[0].Label), Wait);
        }
        finally
        {
            runs.Concepts.Rename(runs.Sae, strongest, null);
        }
    }

    [Fact]
    public async Task The_item_page_lists_its_nearest_items_without_itself_most_similar_first()
    {
        var item = runs.Sae.Dataset.Items[0];
        await using var ctx = runs.NewContext();

        var cut = ctx.Render<ItemPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.ItemId, item.Id));

        cut.WaitForAssertion(() => Assert.Equal(15, cut.FindAll(".nearest-items tr.item-row").Count), Wait);
        var hrefs = cut.FindAll(".nearest-items a.item-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain($"items/{runs.SaeId}/{item.Id}", hrefs);
        var cosines = cut.FindAll(".nearest-items tr.item-row td:last-child").Select(td => double.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(cosines.OrderDescending(), cosines);
    }

    [Fact]
    public async Task An_unknown_item_shows_a_warning()
    {
        await using var ctx = runs.NewContext();

        var cut = ctx.Render<ItemPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.ItemId, -7));

        cut.WaitForAssertion(() => Assert.Contains("has no item -7", cut.FindComponent<MudAlert>().Markup), Wait);
    }

    [Fact]
    public async Task The_user_page_draws_the_code_the_history_facets_and_an_unseen_top_30()
    {
        var user = runs.Sae.Dataset.Users[5];
        var code = runs.Sae.UserCodes.Row(user.Index);
        var history = runs.Sae.Split.Train.ItemsOf(user.Index).ToArray();
        var facetCounts = history.SelectMany(i => runs.Sae.Dataset.Items[i].Facets).GroupBy(g => runs.Sae.Dataset.FacetNames[g])
            .ToDictionary(g => g.Key, g => g.Count());
        await using var ctx = runs.NewContext();

        var cut = ctx.Render<UserPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.UserId, user.Id));

        cut.WaitForAssertion(() => Assert.Equal(30, cut.FindAll(".user-top-list tr.item-row").Count), Wait);
        var codeBars = cut.FindComponent<ValueBarChart>().Bars();
        Assert.Equal(Enumerable.Range(0, code.Length).Where(k => code[k] > 0).OrderByDescending(k => code[k]).ThenBy(k => k).Take(24)
            .Select(k => runs.Sae.Caption(k)), codeBars.Select(b => b.Label));
        var historyBar = PlotlyTrace.SingleBar(cut.FindComponent<BarChart>());
        Assert.Equal(historyBar.Labels().Select(l => facetCounts[l]), historyBar.Counts());
        Assert.Equal(facetCounts.Values.OrderDescending().Take(25), historyBar.Counts());
        var listed = cut.FindAll(".user-top-list a.item-link").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1])).ToList();
        var seen = history.Select(i => runs.Sae.Dataset.Items[i].Id).ToHashSet();
        Assert.DoesNotContain(listed, seen.Contains);
        Assert.Equal(30, listed.Distinct().Count());
        Assert.Contains($"{history.Length} training positives", cut.Find(".user-facts").TextContent);
        // ml-latest-small has no demographics: no empty "About" column beside the similar users.
        Assert.Equal(["User", "Cosine"], cut.FindAll(".similar-users th").Select(th => th.TextContent.Trim()));
        Assert.Equal(10, cut.FindAll(".similar-users tbody tr").Count);
    }

    [Fact]
    public void Demographics_are_described_only_where_the_dataset_has_them()
    {
        var known = new RecSaeExplorer.Core.Datasets.UserInfo(0, 1, "F", "25-34", "writer");
        var unknown = new RecSaeExplorer.Core.Datasets.UserInfo(1, 2);
        Assert.Equal("F · 25-34 · writer", RecSaeExplorer.Web.Components.Neurons.UserFacts.Describe(known));
        Assert.False(RecSaeExplorer.Web.Components.Neurons.UserFacts.AnyKnown([unknown]));
        Assert.True(RecSaeExplorer.Web.Components.Neurons.UserFacts.AnyKnown([unknown, known]));
    }
}
