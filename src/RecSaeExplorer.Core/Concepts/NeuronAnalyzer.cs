using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Core.Concepts;

/// <summary>
/// Profiles and labels every neuron of an SAE from its activations on all items (and, optionally, all
/// users), with no hand-picked indices: each neuron's top-N items are tested against every concept
/// candidate (hypergeometric upper tail), all tests of the run are BH-adjusted together, and the
/// label is the significant, common-enough candidate with the highest lift.
/// </summary>
public static class NeuronAnalyzer
{
    /// <param name="items">[items, m] activations, rows in <c>dataset.Items</c> order.</param>
    /// <param name="users">[users, m] activations in <c>dataset.Users</c> order, or null.</param>
    public static IReadOnlyList<NeuronProfile> Analyze(Dataset dataset, ActivationMatrix items, ActivationMatrix? users = null,
        ConceptOptions? options = null)
    {
        options ??= ConceptOptions.For(dataset);
        if (items.Rows != dataset.Items.Count) throw new ArgumentException("One activation row per item is required.", nameof(items));
        if (users is not null && (users.Rows != dataset.Users.Count || users.Neurons != items.Neurons))
            throw new ArgumentException("One activation row per user, with the items' width, is required.", nameof(users));
        var candidates = ConceptCandidate.Of(dataset, options);
        var popularityRank = ConceptCandidate.PopularityRanks(dataset);
        var popularity = dataset.Items.Select(i => (double)i.Popularity).ToArray();

        var columns = Enumerable.Range(0, items.Neurons).Select(items.Column).ToArray();
        int depth = new[] { options.TopN, options.DecadeTopN, options.PopularityTopN }.Concat(options.PurityKs).Max();
        var tops = columns.Select(c => TopActive(c, depth)).ToArray();
        var tests = Enrichment.Test(candidates, tops.Select(t => t.Take(options.TopN).ToArray()).ToArray(), dataset.Items.Count);

        var profiles = new NeuronProfile[items.Neurons];
        for (int k = 0; k < items.Neurons; k++)
        {
            double[]? userColumn = users?.Column(k);
            bool dead = tops[k].Length == 0 && (userColumn is null || userColumn.All(v => v <= 0));
            var label = dead ? ConceptLabel.Dead : Enrichment.Label(tests[k], options);
            var best = dead ? null : tests[k].OrderByDescending(t => t.Lift).FirstOrDefault()?.Candidate;
            var purityConcept = candidates.FirstOrDefault(c => c.Kind == label.Kind && c.Name == label.Name) ?? best;
            profiles[k] = Profile(k, label, dataset, columns[k], tops[k], userColumn, purityConcept, popularityRank, popularity, options);
        }
        return profiles;
    }

    private static NeuronProfile Profile(int k, ConceptLabel label, Dataset dataset, double[] column, int[] top, double[]? userColumn,
        ConceptCandidate? purityConcept, int[] popularityRank, double[] popularity, ConceptOptions options)
    {
        var topN = top.Take(options.TopN).ToArray();
        var decadeTop = top.Take(options.DecadeTopN).ToArray();
        var popularTop = top.Take(options.PopularityTopN).ToArray();
        return new NeuronProfile(
            k, label,
            ItemFrequency: column.Count(v => v > 0) / (double)Math.Max(1, column.Length),
            UserFrequency: userColumn is null ? null : userColumn.Count(v => v > 0) / (double)Math.Max(1, userColumn.Length),
            MaxActivation: column.Length == 0 ? 0 : column.Max(),
            Selectivity: Selectivity(dataset, column),
            FacetMix: Mix(topN, i => dataset.Items[i].Facets.Select(g => dataset.FacetNames[g])),
            DecadeMix: Mix(decadeTop, i => dataset.Items[i].Decade is { } d ? [d] : []),
            Purity: options.PurityKs.Select(K => new PurityAt(K, Purity(top, K, purityConcept))).ToList(),
            MeanPopularityRank: popularTop.Length == 0 ? double.NaN : popularTop.Average(i => (double)popularityRank[i]),
            PopularitySpearman: RankCorrelation.Spearman(column, popularity),
            GenderEffect: userColumn is null ? null : GenderEffect(dataset, userColumn),
            AgeEffect: userColumn is null ? null : AgeEffect(dataset, userColumn),
            TopItems: topN);
    }

    /// <summary>Indices of the (at most <paramref name="count"/>) items with z &gt; 0, strongest first, ties by index.</summary>
    public static int[] TopActive(IReadOnlyList<double> column, int count) =>
        Enumerable.Range(0, column.Count).Where(i => column[i] > 0).OrderByDescending(i => column[i]).ThenBy(i => i).Take(count).ToArray();

    /// <summary>Share of the first K of <paramref name="top"/> (fewer when fewer are active) that belong to the concept.</summary>
    public static double Purity(IReadOnlyList<int> top, int k, ConceptCandidate? concept)
    {
        int n = Math.Min(k, top.Count);
        if (n == 0 || concept is null) return 0;
        int hits = 0;
        for (int r = 0; r < n; r++) if (concept.Members[top[r]]) hits++;
        return hits / (double)n;
    }

    public static double[] Selectivity(Dataset dataset, IReadOnlyList<double> column)
    {
        double overall = column.Count == 0 ? 0 : column.Average();
        var sums = new double[dataset.FacetNames.Count];
        var counts = new int[dataset.FacetNames.Count];
        for (int i = 0; i < column.Count; i++)
        {
            foreach (int g in dataset.Items[i].Facets)
            {
                sums[g] += column[i];
                counts[g]++;
            }
        }
        return sums.Select((s, g) => overall == 0 || counts[g] == 0 ? 0 : s / counts[g] / overall).ToArray();
    }

    /// <summary>Shares of each name among <paramref name="top"/> (multi-label: shares may sum past 1), largest first.</summary>
    private static IReadOnlyList<Share> Mix(IReadOnlyList<int> top, Func<int, IEnumerable<string>> namesOf)
    {
        if (top.Count == 0) return [];
        return top.SelectMany(namesOf).GroupBy(n => n).Select(g => new Share(g.Key, g.Count() / (double)top.Count))
            .OrderByDescending(s => s.Value).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    private static double? GenderEffect(Dataset dataset, double[] userColumn)
    {
        var women = Where(dataset, userColumn, u => u.Gender == "F");
        var men = Where(dataset, userColumn, u => u.Gender == "M");
        return DemographicEffects.CohensD(women, men);
    }

    private static double? AgeEffect(Dataset dataset, double[] userColumn)
    {
        var bands = dataset.Users.Select(u => u.AgeBand).OfType<string>().Distinct().ToList();
        if (bands.Count < 2) return null;
        return DemographicEffects.EtaSquared(bands.Select(b => (IReadOnlyList<double>)Where(dataset, userColumn, u => u.AgeBand == b)).ToList());
    }

    private static List<double> Where(Dataset dataset, double[] userColumn, Func<UserInfo, bool> keep) =>
        dataset.Users.Where(keep).Select(u => userColumn[u.Index]).ToList();
}
