using Bunit;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Labs;

/// <summary>Lab links with ids that are not numbers, do not fit, or name nothing: a message naming the value, never a failure.</summary>
[Collection(TinyRunsCollection.Name)]
public sealed class LabLinkBoundsTests(TinyRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("item=abc&neuron=1", "item 'abc' is not a valid id")]
    [InlineData("item=99999999999&neuron=1", "item '99999999999' is not a valid id")]
    [InlineData("item=-1&neuron=1", "item -1 is not an item of")]
    [InlineData("neuron=abc", "neuron 'abc' is not a valid id")]
    [InlineData("neuron=-5", "neuron -5 is outside 0..")]
    [InlineData("neuron=100000", "neuron 100000 is outside 0..")]
    [InlineData("user=abc", "user 'abc' is not a valid id")]
    [InlineData("user=99999999999", "user '99999999999' is not a valid id")]
    [InlineData("user=-3", "user -3 is not a user of")]
    [InlineData("audience=facet:Comedy:0", "audience size 0")]
    public async Task Bad_link_values_are_named_in_the_lab(string query, string expected)
    {
        foreach (string lab in new[] { "lab/promote", "lab/users" })
        {
            await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog);
            ctx.GoTo($"{lab}?run={runs.Sae.Id}&{query}");
            var cut = lab == "lab/promote" ? (IRenderedComponent<Microsoft.AspNetCore.Components.IComponent>)ctx.Render<PromotionLab>() : ctx.Render<UsersLab>();
            cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find(".lab-error").TextContent), Wait);
        }
    }

    [Fact]
    public void Link_state_keeps_each_bad_value_in_its_message()
    {
        var state = LabState.From("sae-1", "abc", "-", "1", "set", null, "99999999999", null);
        Assert.Null(state.Item);
        Assert.Null(state.User);
        Assert.Contains("item 'abc'", state.LinkError);
        Assert.Contains("neuron '-'", state.LinkError);
        Assert.Contains("user '99999999999'", state.LinkError);
        Assert.DoesNotContain("abc", state.ToQuery());
    }
}
