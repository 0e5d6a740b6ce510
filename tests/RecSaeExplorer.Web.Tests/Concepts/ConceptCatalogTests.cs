using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Core.Hosting;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Concepts;

[Collection(TinyRunsCollection.Name)]
public sealed class ConceptCatalogTests(TinyRunsFixture runs)
{
    private ConceptCatalog NewCatalog(RunCatalog? store = null) => new(store ?? runs.Catalog, NullLogger<ConceptCatalog>.Instance);

    [Fact]
    public async Task Opening_an_sae_run_profiles_every_neuron_from_the_codes_of_every_item_and_user()
    {
        using var concepts = NewCatalog();
        var sae = await concepts.OpenAsync(runs.Sae.Id);

        Assert.Equal(runs.Sae.Id, sae.Run.Id);
        Assert.Equal(sae.Dataset.Items.Count, sae.ItemCodes.Rows);
        Assert.Equal(sae.Dataset.Users.Count, sae.UserCodes.Rows);
        Assert.Equal(sae.Width, sae.Profiles.Count);
        Assert.Equal(Enumerable.Range(0, sae.Width), sae.Profiles.Select(p => p.Index));
        // The analyzer's top items are read from the same codes the explorer shows.
        var alive = sae.Profiles.First(p => p.TopItems.Count > 0);
        Assert.Equal(NeuronAnalyzer.TopActive(sae.ItemCodes.Column(alive.Index), alive.TopItems.Count), alive.TopItems);
        Assert.Equal(sae.Dataset.Items.Count, sae.ItemVectors.Rows);
    }

    [Fact]
    public async Task Concurrent_opens_share_one_load_and_later_opens_use_the_cache()
    {
        using var concepts = NewCatalog();
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => concepts.OpenAsync(runs.Sae.Id)));
        Assert.All(opened, o => Assert.Same(opened[0], o));
        Assert.Same(opened[0], await concepts.OpenAsync(runs.Sae.Id[..^2]));
    }

    [Fact]
    public async Task Only_stored_sae_runs_open()
    {
        using var concepts = NewCatalog();
        var notSae = await Assert.ThrowsAsync<InvalidOperationException>(() => concepts.OpenAsync(runs.Recommender.Id));
        Assert.Contains("recommender", notSae.Message);
        await Assert.ThrowsAsync<RunNotFoundException>(() => concepts.OpenAsync("sae-nope"));
    }

    [Fact]
    public async Task A_name_given_to_a_neuron_is_shown_instead_of_its_label_and_kept_in_the_store()
    {
        using var concepts = NewCatalog();
        var sae = await concepts.OpenAsync(runs.Sae.Id);
        string automatic = sae.Profiles[1].Label.Text;
        var changes = new List<(string, int)>();
        concepts.NameChanged += (run, k) => changes.Add((run, k));
        try
        {
            concepts.Rename(sae, 1, "Feel-good comedies");
            Assert.Equal("Feel-good comedies", sae.LabelOf(1));
            Assert.Equal("#1 Feel-good comedies", sae.Caption(1));
            Assert.Equal([(runs.Sae.Id, 1)], changes);

            using var otherStore = new RunCatalog(Options.Create(new ExplorerOptions { StorePath = runs.Catalog.StorePath }),
                new ProductPaths(TestPaths.ShippedData, Path.GetDirectoryName(runs.Catalog.StorePath)!), EngineServices.ShippedDatasets(),
                NullLogger<RunCatalog>.Instance);
            using var restarted = NewCatalog(otherStore);
            Assert.Equal("Feel-good comedies", (await restarted.OpenAsync(runs.Sae.Id)).LabelOf(1));
            Assert.Throws<ArgumentOutOfRangeException>(() => concepts.Rename(sae, sae.Width, "x"));
        }
        finally
        {
            concepts.Rename(sae, 1, "");
        }
        Assert.Equal(automatic, sae.LabelOf(1));
        Assert.Null(sae.NameOf(1));
    }

    [Fact]
    public async Task Items_are_found_by_title_or_id_and_neighbours_exclude_the_item_itself()
    {
        using var concepts = NewCatalog();
        var sae = await concepts.OpenAsync(runs.Sae.Id);
        var toyStory = Assert.Single(sae.SearchItems("toy story 3"));
        Assert.Contains("Toy Story 3", toyStory.Title);
        Assert.Same(toyStory, Assert.Single(sae.SearchItems(toyStory.Id.ToString())));
        var hits = sae.SearchItems("toy story");
        Assert.True(hits.Zip(hits.Skip(1)).All(t => t.First.Popularity >= t.Second.Popularity));

        var near = sae.ItemVectors.Nearest(toyStory.Index, 5);
        Assert.Equal(5, near.Count);
        Assert.DoesNotContain(near, n => n.Index == toyStory.Index);
        Assert.True(near.Zip(near.Skip(1)).All(t => t.First.Cosine >= t.Second.Cosine));
    }

    [Fact]
    public async Task A_users_top_list_leaves_out_what_they_already_have()
    {
        using var concepts = NewCatalog();
        var sae = await concepts.OpenAsync(runs.Sae.Id);
        var list = await sae.TopListAsync(3);
        Assert.Equal(30, list.Items.Length);
        Assert.DoesNotContain(list.Items, i => sae.Split.Train.Contains(3, i));
        Assert.True(list.Scores.Zip(list.Scores.Skip(1)).All(t => t.First >= t.Second));
    }
}
