namespace RecSaeExplorer.Core.Interpretability;

/// <summary>
/// Pairwise item similarities for the monosemanticity score: the recommender's own embedding cosine
/// (the paper's variant) or a metadata facet similarity (judges concepts without the model itself).
/// </summary>
public static class ItemSimilarity
{
    /// <summary>Cosine of item embedding rows (vectors are normalized once up front).</summary>
    public static Func<int, int, double> EmbeddingCosine(IReadOnlyList<float[]> embeddings)
    {
        var unit = embeddings.Select(Normalize).ToArray();
        return (i, j) => Dot(unit[i], unit[j]);
    }

    /// <summary>A given similarity matrix (rows = items).</summary>
    public static Func<int, int, double> FromMatrix(double[][] matrix) => (i, j) => matrix[i][j];

    /// <summary>Jaccard of facet sets (genres or tags); two items without facets score 0.</summary>
    public static Func<int, int, double> FacetJaccard(IReadOnlyList<IReadOnlyList<int>> facets)
    {
        var sets = facets.Select(f => new HashSet<int>(f)).ToArray();
        return (i, j) =>
        {
            int union = sets[i].Count + sets[j].Count;
            if (union == 0) return 0;
            int common = sets[i].Count(sets[j].Contains);
            return (double)common / (union - common);
        };
    }

    /// <summary>Cosine of multi-hot facet vectors: |A ∩ B| / √(|A||B|).</summary>
    public static Func<int, int, double> FacetCosine(IReadOnlyList<IReadOnlyList<int>> facets)
    {
        var sets = facets.Select(f => new HashSet<int>(f)).ToArray();
        return (i, j) => sets[i].Count == 0 || sets[j].Count == 0
            ? 0
            : sets[i].Count(sets[j].Contains) / Math.Sqrt((double)sets[i].Count * sets[j].Count);
    }

    private static double[] Normalize(float[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return v.Select(x => norm == 0 ? 0 : x / norm).ToArray();
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }
}
