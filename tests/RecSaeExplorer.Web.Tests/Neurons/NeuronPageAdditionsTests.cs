using System.Globalization;
using Bunit;
using MudBlazor;
using RecSaeExplorer.Web.Components.Charts;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Neurons;

[Collection(NeuronRunsCollection.Name)]
public sealed class NeuronPageAdditionsTests(NeuronRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private int Busiest => Enumerable.Range(0, runs.Sae.Width).OrderByDescending(k => runs.Sae.ItemCodes.Column(k).Count(v => v > 0)).First();

    [Fact]
    public async Task The_page_shows_the_density_the_pushed_down_items_and_the_similar_neurons()
    {
        int k = Busiest;
        var column = runs.Sae.ItemCodes.Column(k);
        var down = await runs.Sae.ProbeAsync(k, lowest: true);
        var neighbours = await runs.Sae.NeighboursAsync(k);
        await using var ctx = runs.NewContext();
        ctx.Render<MudPopoverProvider>();

        var cut = ctx.Render<NeuronPage>(p => p.Add(c => c.RunId, runs.SaeId).Add(c => c.Neuron, k));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.probe-down-item")), Wait);
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("tr.similar-neuron").Count), Wait);
        // Density: the nonzero activations in the histogram, and the share of items that fire.
        var nonzero = column.Where(v => v != 0).ToList();
        var histogram = cut.FindComponents<HistogramChart>().Single(h => h.Instance.XTitle?.StartsWith("activation") == true);
        Assert.Equal(nonzero, histogram.Instance.Values);
        Assert.Contains($"{(nonzero.Count * 100.0 / column.Length).ToString("0.0", CultureInfo.InvariantCulture)}% of items", cut.Find(".neuron-firing-share").TextContent);
        // Pushed down: the probe's other end, most negative cosine first.
        Assert.Equal(down.Take(15).Select(p => runs.Sae.Dataset.Items[p.Item].Title), cut.FindAll("tr.probe-down-item a").Select(a => a.TextContent.Trim()));
        Assert.True(down[0].Cosine < 0);
        // Similar neurons: linked, with their cosine.
        Assert.Equal(neighbours.Select(n => $"neurons/{runs.SaeId}/{n.Neuron}"), cut.FindAll("tr.similar-neuron a").Select(a => a.GetAttribute("href")));
        Assert.Equal(neighbours.Select(n => n.Cosine.ToString("0.000", CultureInfo.InvariantCulture)),
            cut.FindAll("tr.similar-neuron td.num").Select(td => td.TextContent.Trim()));
    }
}
