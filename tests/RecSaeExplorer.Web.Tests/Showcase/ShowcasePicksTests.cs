using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Web.Showcase;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Showcase;

public sealed class ShowcasePicksTests
{
    // Hand-made facets: Action 0, Comedy 1, Drama 2.
    private static NeuronProfile Neuron(int index, ConceptKind kind, string name, double frequency, double purity20, double confidence = 0.5,
        double[]? selectivity = null) =>
        new(index, new ConceptLabel(kind, name, null, 0.5, 0.1, 5, 0.001, 0.01, confidence), frequency, null, 3,
            selectivity ?? [1, 1, 1], [], [], [new PurityAt(20, purity20)], 100, 0, null, null, [0, 1]);

    private static NeuronProfile Dead(int index) =>
        new(index, ConceptLabel.Dead, 0, null, 0, [9, 9, 9], [], [], [], 0, 0, null, null, []);

    [Fact]
    public void The_clean_neuron_is_the_purest_facet_neuron_among_those_firing_on_few_items()
    {
        var profiles = new[]
        {
            Neuron(0, ConceptKind.Facet, "Drama", frequency: 0.6, purity20: 1.0),   // purest, but fires on most items
            Neuron(1, ConceptKind.Popularity, "popular", frequency: 0.1, purity20: 1.0),
            Neuron(2, ConceptKind.Facet, "Comedy", frequency: 0.1, purity20: 0.7),
            Neuron(3, ConceptKind.Facet, "Action", frequency: 0.2, purity20: 0.9),
            Dead(4),
        };

        Assert.Equal(3, ShowcasePicks.CleanNeuron(profiles)!.Index);
        // With no sparse facet neuron, the purest facet neuron still tells the story.
        Assert.Equal(0, ShowcasePicks.CleanNeuron([profiles[0], profiles[1], profiles[4]])!.Index);
        Assert.Null(ShowcasePicks.CleanNeuron([profiles[1], profiles[4]]));
    }

    [Fact]
    public void A_story_neuron_is_one_labelled_with_the_facet_else_the_most_selective_for_it()
    {
        var dataset = HandMadeDataset.Create();
        var labelled = new[]
        {
            Neuron(0, ConceptKind.Facet, "Comedy", 0.1, 0.5, confidence: 0.3),
            Neuron(1, ConceptKind.Facet, "comedy", 0.1, 0.5, confidence: 0.8),
            Neuron(2, ConceptKind.Facet, "Drama", 0.1, 0.5, confidence: 0.9),
        };
        Assert.Equal(1, ShowcasePicks.NeuronFor(labelled, dataset, ["Comedy"])!.Index);
        Assert.Equal(2, ShowcasePicks.NeuronFor(labelled, dataset, ["Western", "drama"])!.Index); // any of the names

        var unlabelled = new[]
        {
            Neuron(0, ConceptKind.Mixed, "mixed", 0.1, 0, selectivity: [1, 2.5, 1]),
            Neuron(1, ConceptKind.Mixed, "mixed", 0.9, 0, selectivity: [1, 9.0, 1]), // fires on nearly everything
            Neuron(2, ConceptKind.Facet, "Drama", 0.1, 0, selectivity: [1, 4.0, 1]),
            Dead(3),
        };
        Assert.Equal(2, ShowcasePicks.NeuronFor(unlabelled, dataset, ["Western", "Comedy"])!.Index);
        Assert.Null(ShowcasePicks.NeuronFor(unlabelled, dataset, ["Western"]));
        Assert.Equal(1, ShowcasePicks.FirstFacet(dataset, ["Western", "comedy", "Drama"]));
    }
}
