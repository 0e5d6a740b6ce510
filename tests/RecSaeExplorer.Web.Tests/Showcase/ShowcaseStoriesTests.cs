using Microsoft.Extensions.Options;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Showcase;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Showcase;

/// <summary>The stories over a run with labelled neurons (the 128-neuron top-k SAE of the neuron pages' tests).</summary>
[Collection(NeuronRunsCollection.Name)]
public sealed class ShowcaseStoriesTests(NeuronRunsFixture runs)
{
    [Fact]
    public async Task The_clean_neuron_and_the_strongest_suppression_link_into_the_run()
    {
        var showcase = new ShowcaseService(runs.Concepts, runs.Catalog, EngineServices.Queue(), Options.Create(new ExplorerOptions()),
            ShowcaseCardsTests.Labs());
        var clean = ShowcasePicks.CleanNeuron(runs.Sae.Profiles);
        Assert.NotNull(clean); // this run labels neurons, so both stories are told

        var cards = await showcase.CardsAsync();

        Assert.Equal($"neurons/{runs.SaeId}/{clean.Index}", cards[0].Href);
        Assert.Contains($"reads as '{clean.Label.Name}'", cards[0].Story);
        await ShowcaseCardsTests.AssertStrongestSuppressionAsync(runs.Sae, cards[2]);
        Assert.True(cards[2].IsLive);
    }
}
