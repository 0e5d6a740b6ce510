namespace RecSaeExplorer.Core.Concepts;

/// <summary>One (neuron, concept) enrichment test on the neuron's top-N items.</summary>
public sealed record EnrichmentTest(ConceptCandidate Candidate, int Hits, int Drawn, double Share, double BaseRate, double Lift,
    double PValue)
{
    public double QValue { get; internal set; } = 1;
}

/// <summary>Hypergeometric enrichment of every concept among every neuron's top items, BH-adjusted together.</summary>
public static class Enrichment
{
    /// <param name="tops">Per neuron, its top-N item indices.</param>
    /// <returns>Per neuron, one test per candidate (empty for a neuron with no active items).</returns>
    public static IReadOnlyList<EnrichmentTest>[] Test(IReadOnlyList<ConceptCandidate> candidates, int[][] tops, int itemCount)
    {
        var result = new IReadOnlyList<EnrichmentTest>[tops.Length];
        for (int k = 0; k < tops.Length; k++)
        {
            int n = tops[k].Length;
            result[k] = n == 0 ? [] : candidates.Select(c => One(c, tops[k], itemCount)).ToList();
        }
        var all = result.SelectMany(t => t).ToList();
        var q = BenjaminiHochberg.Adjust(all.Select(t => t.PValue).ToList());
        for (int j = 0; j < all.Count; j++) all[j].QValue = q[j];
        return result;
    }

    private static EnrichmentTest One(ConceptCandidate c, int[] top, int itemCount)
    {
        int hits = top.Count(i => c.Members[i]);
        double share = hits / (double)top.Length, baseRate = c.Count / (double)itemCount;
        return new EnrichmentTest(c, hits, top.Length, share, baseRate, share / baseRate,
            Hypergeometric.UpperTail(itemCount, c.Count, top.Length, hits));
    }

    /// <summary>
    /// The eligible test (q ≤ α, share ≥ MinShare, lift &gt; 1) with the highest lift; "mixed" when none.
    /// The next eligible concept with at least <see cref="ConceptOptions.SecondaryLiftRatio"/> of the lift joins the name.
    /// </summary>
    public static ConceptLabel Label(IReadOnlyList<EnrichmentTest> tests, ConceptOptions options)
    {
        var eligible = tests.Where(t => t.QValue <= options.Alpha && t.Share >= options.MinShare && t.Lift > 1)
            .OrderByDescending(t => t.Lift).ThenBy(t => t.PValue).ToList();
        if (eligible.Count == 0) return new ConceptLabel(ConceptKind.Mixed, "mixed", null, 0, 0, 0, 1, 1, 0);
        var best = eligible[0];
        // A second concept of comparable lift (another facet, or an era with a genre) is part of the meaning.
        var second = eligible.Skip(1).FirstOrDefault(t => t.Lift >= options.SecondaryLiftRatio * best.Lift);
        double excess = best.BaseRate >= 1 ? 0 : Math.Clamp((best.Share - best.BaseRate) / (1 - best.BaseRate), 0, 1);
        return new ConceptLabel(best.Candidate.Kind, best.Candidate.Name, second?.Candidate.Name, best.Share, best.BaseRate, best.Lift,
            best.PValue, best.QValue, (1 - best.QValue) * excess);
    }
}
