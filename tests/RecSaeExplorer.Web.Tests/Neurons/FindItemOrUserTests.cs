using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RecSaeExplorer.Web.Components.Neurons;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Neurons;

[Collection(NeuronRunsCollection.Name)]
public sealed class FindItemOrUserTests(NeuronRunsFixture runs)
{
    [Fact]
    public async Task A_known_user_id_opens_that_users_page_and_an_unknown_one_says_so()
    {
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        var cut = ctx.Render<FindItemOrUser>(p => p.Add(c => c.Sae, runs.Sae));
        int missing = runs.Sae.Dataset.Users.Max(u => u.Id) + 1;

        cut.Find(".find-user input").Change(missing.ToString());
        cut.Find(".find-user-open").Click();
        Assert.Contains($"No user {missing}", cut.Markup);
        Assert.DoesNotContain("/users/", navigation.Uri);

        int known = runs.Sae.Dataset.Users[7].Id;
        cut.Find(".find-user input").Change(known.ToString());
        cut.Find(".find-user-open").Click();
        Assert.EndsWith($"users/{runs.SaeId}/{known}", navigation.Uri);
    }

    [Fact]
    public async Task Picking_an_item_from_the_search_opens_its_page()
    {
        await using var ctx = runs.NewContext();
        var popovers = ctx.Render<MudPopoverProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        var cut = ctx.Render<FindItemOrUser>(p => p.Add(c => c.Sae, runs.Sae));
        var expected = runs.Sae.SearchItems("toy story")[0]; // the most popular match comes first

        cut.Find(".find-item input").Input("toy story");

        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")), TimeSpan.FromSeconds(10));
        popovers.FindAll(".mud-list-item")[0].Click();
        cut.WaitForAssertion(() => Assert.EndsWith($"items/{runs.SaeId}/{expected.Id}", navigation.Uri), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_neurons_page_offers_the_item_search()
    {
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<RecSaeExplorer.Web.Components.Pages.NeuronsPage>(p => p.Add(c => c.RunId, runs.SaeId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".find-item")), TimeSpan.FromSeconds(20));
        Assert.Contains("Open an item", cut.Find(".find-item-or-user").TextContent);
    }
}
