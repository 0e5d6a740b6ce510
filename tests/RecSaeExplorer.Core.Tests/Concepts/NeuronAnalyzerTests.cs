using RecSaeExplorer.Core.Concepts;

namespace RecSaeExplorer.Core.Tests.Concepts;

public class NeuronAnalyzerTests
{
    private static readonly ConceptOptions Small = new() { TopN = 10, DecadeTopN = 10, PopularityTopN = 10, PurityKs = [5, 10, 20] };

    /// <summary>Neuron 0: Kids only; 1: Horror (items 10–29, strongest first); 2: the 10 most popular of any facet; 3: dead; 4: every item equally.</summary>
    private static ActivationMatrix Synthetic()
    {
        var z = new float[ConceptData.Items, 5];
        for (int i = 0; i < ConceptData.Items; i++)
        {
            if (i < 10) z[i, 0] = 1 + i % 3;
            if (i is >= 10 and < 30) z[i, 1] = 30 - i;
            z[i, 2] = i < 10 ? 10 - i : 0;
            z[i, 4] = 1;
        }
        // A weak stray activation on a non-Kids item: selectivity still shows Kids.
        z[50, 0] = 0.5f;
        return ActivationMatrix.From(z);
    }

    [Fact]
    public void Neuron_firing_only_on_a_facet_is_labelled_with_it_confidently()
    {
        var profiles = NeuronAnalyzer.Analyze(ConceptData.Create(), Synthetic(), options: Small);
        var kids = profiles[0];
        Assert.Equal(ConceptKind.Facet, kids.Label.Kind);
        Assert.Equal("Kids", kids.Label.Name);
        Assert.True(kids.Label.Confidence > 0.85, $"confidence {kids.Label.Confidence}");
        Assert.True(kids.Label.QValue < 1e-6);
        Assert.Equal(1, kids.PurityAtK(5));
        Assert.Equal(1, kids.PurityAtK(10));
        Assert.Equal(10 / 11.0, kids.PurityAtK(20), 12); // only 11 items are active
        Assert.Equal("Horror", profiles[1].Label.Name);
        Assert.Equal(1, profiles[1].PurityAtK(10));
    }

    [Fact]
    public void Selectivity_is_mean_on_the_facet_over_mean_overall()
    {
        var kids = NeuronAnalyzer.Analyze(ConceptData.Create(), Synthetic(), options: Small)[0];
        // Kids items: 1,2,3,1,2,3,1,2,3,1 → mean 1.9; overall (19 + 0.5) / 100 = 0.195
        Assert.Equal(1.9 / 0.195, kids.Selectivity[0], 9);
        Assert.Equal(0, kids.Selectivity[1]);
        Assert.Equal(0.11, kids.ItemFrequency, 12);
    }

    [Fact]
    public void Dead_neurons_are_labelled_dead_and_a_uniform_neuron_is_mixed()
    {
        var profiles = NeuronAnalyzer.Analyze(ConceptData.Create(), Synthetic(), options: Small);
        Assert.True(profiles[3].IsDead);
        Assert.Equal("dead", profiles[3].Label.Text);
        Assert.Equal(0, profiles[3].Label.Confidence);
        Assert.Equal(1, profiles[4].ItemFrequency);
    }

    [Fact]
    public void Popularity_neuron_correlates_with_popularity()
    {
        var options = Small with { TopN = 10, PopularShare = 0.1 };
        var dataset = ConceptData.Create();
        var z = new float[ConceptData.Items, 1];
        for (int i = 0; i < ConceptData.Items; i++) z[i, 0] = ConceptData.Items - i; // monotone in popularity
        var profile = NeuronAnalyzer.Analyze(dataset, ActivationMatrix.From(z), options: options)[0];
        Assert.Equal(1, profile.PopularitySpearman, 9);
        Assert.Equal(5.5, profile.MeanPopularityRank, 9); // top-10 = ranks 1..10
        // Its top-10 are both the 10 most popular items and the 10 Kids items: equal lift (10), either label is right.
        Assert.Contains(profile.Label.Name, new[] { "popular", "Kids" });
    }

    [Fact]
    public void Facet_and_decade_mix_of_the_top_items()
    {
        var kids = NeuronAnalyzer.Analyze(ConceptData.Create(), Synthetic(), options: Small)[0];
        Assert.Equal(new Share("Kids", 1), kids.FacetMix[0]);
        Assert.Equal(0.4, kids.FacetMix.Single(s => s.Name == "Drama").Value, 12); // 0, 3, 6, 9
        Assert.Equal(0.5, kids.DecadeMix.Single(s => s.Name == "1980s").Value, 12);
    }

    [Fact]
    public void User_activations_give_gender_and_age_effects()
    {
        var dataset = ConceptData.Create(userCount: 20);
        var users = new float[20, 5];
        // Women (even u) 2.5 or 3.5, men 0 (u % 4 == 1) or 1: d is large, and 15 of 20 users are active.
        for (int u = 0; u < 20; u++) users[u, 0] = u % 2 == 0 ? (u % 4 == 0 ? 3.5f : 2.5f) : (u % 4 == 1 ? 0 : 1);
        var kids = NeuronAnalyzer.Analyze(dataset, Synthetic(), ActivationMatrix.From(users), Small)[0];
        Assert.True(kids.GenderEffect > 1);
        Assert.NotNull(kids.AgeEffect);
        Assert.Equal(0.75, kids.UserFrequency!.Value, 12);
    }

    [Fact]
    public void A_second_concept_of_comparable_lift_joins_the_label()
    {
        var z = new float[ConceptData.Items, 1];
        for (int i = 0; i < 20; i++) z[i, 0] = 1; // Kids 0–9 (lift 5 in the top-20) and Horror 10–19 (lift 2.5)
        var label = NeuronAnalyzer.Analyze(ConceptData.Create(), ActivationMatrix.From(z), options: Small with { TopN = 20, PopularShare = 0.5 })[0].Label; // "popular" (lift 2) stays out
        Assert.Equal("Kids/Horror", label.Text);
        Assert.Equal(0.5, label.Share, 12);
    }
}
