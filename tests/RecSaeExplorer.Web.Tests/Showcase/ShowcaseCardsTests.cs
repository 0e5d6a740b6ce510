using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Web.Components.Showcase;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Showcase;
using RecSaeExplorer.Web.Tests.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Showcase;

/// <summary>The home page's stories over the tiny runs (an ml-latest-small MF and SAE; nothing on Last.FM).</summary>
[Collection(TinyRunsCollection.Name)]
public sealed class ShowcaseCardsTests(TinyRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stories_of_a_stored_run_link_into_it_and_a_missing_one_shows_the_job_that_will_train_it()
    {
        using var concepts = new ConceptCatalog(runs.Catalog, NullLogger<ConceptCatalog>.Instance);
        var queue = EngineServices.Queue();
        var showcase = new ShowcaseService(concepts, runs.Catalog, queue, Options.Create(new ExplorerOptions()));
        using var lease = await concepts.LeaseAsync(runs.Sae.Id);
        var clean = ShowcasePicks.CleanNeuron(lease.Value.Profiles);

        var cards = await showcase.CardsAsync();

        Assert.Equal([ShowcaseService.CleanNeuronKey, ShowcaseService.PromotionKey, ShowcaseService.SuppressionKey], cards.Select(c => c.Key));
        if (clean is null)
        {
            // A tiny SAE may label no neuron: the stories say so instead of linking somewhere arbitrary.
            Assert.All([cards[0], cards[2]], c => Assert.Contains("has no neuron for this story", c.Missing));
        }
        else
        {
            Assert.Equal($"neurons/{runs.Sae.Id}/{clean.Index}", cards[0].Href);
            Assert.StartsWith($"lab/users?run={runs.Sae.Id}&neuron={clean.Index}&level=0&mode=cap&audience=facet%3A", cards[2].Href);
            Assert.EndsWith("&play=1", cards[2].Href);
            Assert.NotEmpty(cards[0].Quality);
        }
        Assert.False(cards[1].IsLive);
        Assert.Contains("No SAE run of lastfm", cards[1].Missing);
        Assert.Null(cards[1].Training);

        var job = queue.Enqueue(new RecommenderTrainingRequest("lastfm", RecommenderModel.Mf, "tuned") { IsDefaultRun = true });
        Assert.Same(job, (await showcase.CardsAsync())[1].Training);
    }

    [Fact]
    public async Task Without_the_artist_the_promotion_story_is_not_live_and_its_card_says_why()
    {
        // The live Bob Dylan card is checked in the browser over a Last.FM run (ShowcaseBrowserTests).
        using var concepts = new ConceptCatalog(runs.Catalog, NullLogger<ConceptCatalog>.Instance);
        using var lease = await concepts.LeaseAsync(runs.Sae.Id);
        var sae = lease.Value;
        var showcase = new ShowcaseService(concepts, runs.Catalog, EngineServices.Queue(),
            Options.Create(new ExplorerOptions { DemoDataset = DatasetCatalog.DefaultName }));
        // Without the artist in the catalogue, the story cannot be told on this run.
        var card = (await showcase.CardsAsync())[1];
        Assert.False(card.IsLive);
        Assert.Contains("has no neuron for this story", card.Missing);

        await using var ctx = ExplorerTestContext.Create();
        ctx.Services.AddSingleton<ShowcaseService>();
        ctx.WithLabs(runs.Catalog);
        var cut = ctx.Render<ShowcaseCards>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".showcase-card").Count), Wait);
        Assert.Equal("false", cut.Find("[data-card='promotion']").GetAttribute("data-live"));
        Assert.Contains("Not ready yet", cut.Find("[data-card='promotion'] .showcase-open").TextContent);
        Assert.Contains("No SAE run of lastfm", cut.Find("[data-card='promotion'] .showcase-missing").TextContent);
    }
}
