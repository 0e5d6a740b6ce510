using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Web.Components.Showcase;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Labs;
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
        var showcase = new ShowcaseService(concepts, runs.Catalog, queue, Options.Create(new ExplorerOptions()), Labs());
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
            Assert.NotEmpty(cards[0].Quality);
            await AssertStrongestSuppressionAsync(lease.Value, cards[2]);
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
            Options.Create(new ExplorerOptions { DemoDataset = DatasetCatalog.DefaultName }), Labs());
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

    internal static LabService Labs() => new(Options.Create(new ExplorerOptions()), NullLogger<LabService>.Instance);

    // The suppression story's neuron is, among the cleanest candidates, the one whose deepest cap lowers its facet's share of
    // its 50 fans' lists the most, and the card quotes that shift; both recomputed here through the engine directly.
    internal static async Task AssertStrongestSuppressionAsync(ExploredSae sae, ShowcaseCard card)
    {
        var measured = await sae.RunAsync(() => ShowcasePicks.CleanNeurons(sae.Profiles).Take(ShowcaseService.SuppressionCandidates).Select(n =>
        {
            int facet = Audience.FacetIndex(sae.Dataset, n.Label.Name);
            var users = Audience.Parse($"facet:{n.Label.Name}:50", sae.Dataset, sae.Split).Users;
            using var context = new InterventionContext(sae.Recommender.Recommender.Model, sae.Sae.Sae, sae.Split.Train, users);
            var edit = LatentEdit.Suppress([n.Index], LevelGrid.For(n.MaxActivation, EditMode.Cap).Min);
            return (Neuron: n, Shift: UserIntervention.Apply(context, edit, i => sae.Dataset.Items[i].Facets.Contains(facet)));
        }).ToList());
        var strongest = measured.MinBy(m => m.Shift.RelativeChange);
        Assert.StartsWith($"lab/users?run={sae.Run.Id}&neuron={strongest.Neuron.Index}&level=0&mode=cap&audience=facet%3A", card.Href);
        Assert.EndsWith("&play=1", card.Href);
        Assert.Contains($"goes from {strongest.Shift.ShareBefore:0%} to {strongest.Shift.ShareAfter:0%}", card.Story);
    }
}
