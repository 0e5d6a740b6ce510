using Bunit;
using RecSaeExplorer.Web.Components.Charts;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Neurons;

/// <summary>
/// A neuron name with markup must render as text: Blazor encodes it in HTML, and Plotly (which interprets
/// &lt;b&gt;, &lt;a href&gt;… in its strings) gets it entity-escaped.
/// </summary>
[Collection(NeuronRunsCollection.Name)]
public sealed class MarkupInjectionTests(NeuronRunsFixture runs)
{
    private const string Hostile = "<b>bold</b><a href=\"https://evil.example/\">ext</a> & co";
    private const string Escaped = "&lt;b&gt;bold&lt;/b&gt;&lt;a href=\"https://evil.example/\"&gt;ext&lt;/a&gt; &amp; co";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;")]
    [InlineData("Rock & Roll", "Rock &amp; Roll")]
    [InlineData("plain", "plain")]
    public void Plotly_text_escapes_markup_characters(string text, string expected) => Assert.Equal(expected, PlotlyText.Escape(text));

    [Fact]
    public async Task A_hostile_neuron_name_reaches_the_item_and_user_code_charts_escaped_and_the_page_as_text()
    {
        var item = runs.Sae.Dataset.Items[0];
        var code = runs.Sae.ItemCodes.Row(item.Index);
        int strongest = Enumerable.Range(0, code.Length).OrderByDescending(k => code[k]).ThenBy(k => k).First();
        var user = runs.Sae.Dataset.Users.First(u => runs.Sae.TopNeurons(runs.Sae.UserCodes.Row(u.Index), 24).Any(t => t.Neuron == strongest));
        runs.Concepts.Rename(runs.Sae, strongest, Hostile);
        try
        {
            await using var ctx = runs.NewContext();
            var itemPage = ctx.Render<ItemPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.ItemId, item.Id));
            itemPage.WaitForAssertion(() => Assert.Single(itemPage.FindComponents<ValueBarChart>()), Wait);
            Assert.Equal($"#{strongest} {Escaped}", itemPage.FindComponent<ValueBarChart>().Bars()[0].Label);
            Assert.Empty(itemPage.FindAll(".code-neurons b"));
            Assert.Empty(itemPage.FindAll("a[href^='https://evil']"));
            Assert.Contains($"#{strongest} {Hostile}", itemPage.Find(".code-neurons").TextContent);

            var userPage = ctx.Render<UserPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.UserId, user.Id));
            userPage.WaitForAssertion(() => Assert.Single(userPage.FindComponents<ValueBarChart>()), Wait);
            var labels = userPage.FindComponent<ValueBarChart>().Bars().Select(b => b.Label).ToList();
            Assert.Contains($"#{strongest} {Escaped}", labels);
            Assert.DoesNotContain(labels, l => l.Contains('<'));
        }
        finally
        {
            runs.Concepts.Rename(runs.Sae, strongest, null);
        }
    }
}
