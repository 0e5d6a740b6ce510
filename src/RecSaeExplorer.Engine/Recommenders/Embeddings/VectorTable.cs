using TorchSharp;

namespace RecSaeExplorer.Engine.Recommenders.Embeddings;

/// <summary>A neighbour found by cosine similarity.</summary>
public readonly record struct Neighbour(int Index, double Cosine);

/// <summary>Row vectors on the host, unit-normalized once, for exact cosine nearest-neighbour look-ups.</summary>
public sealed class VectorTable
{
    private readonly float[] _unit;

    public VectorTable(int rows, int dim, float[] values)
    {
        if (values.Length != rows * dim) throw new ArgumentException("values must hold rows × dim entries.", nameof(values));
        Rows = rows;
        Dim = dim;
        _unit = new float[values.Length];
        for (int r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * dim, dim);
            double squares = 0;
            foreach (float v in row) squares += (double)v * v;
            double norm = Math.Sqrt(squares);
            for (int c = 0; c < dim; c++) _unit[r * dim + c] = norm == 0 ? 0 : (float)(row[c] / norm);
        }
    }

    /// <summary>The recommender's item (or user) embeddings copied to the host.</summary>
    public static VectorTable Of(IRecommender model, bool itemSide)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var embeddings = (itemSide ? model.ItemEmbeddings() : model.UserEmbeddings()).cpu().contiguous();
        return new VectorTable((int)embeddings.shape[0], (int)embeddings.shape[1], embeddings.data<float>().ToArray());
    }

    public int Rows { get; }
    public int Dim { get; }

    /// <summary>The <paramref name="top"/> rows most cosine-similar to row <paramref name="row"/>, itself and <paramref name="skip"/> excluded.</summary>
    public IReadOnlyList<Neighbour> Nearest(int row, int top, Func<int, bool>? skip = null)
    {
        var query = _unit.AsSpan(row * Dim, Dim);
        var scored = new List<Neighbour>(Rows);
        for (int r = 0; r < Rows; r++)
        {
            if (r == row || (skip?.Invoke(r) ?? false)) continue;
            double dot = 0;
            var other = _unit.AsSpan(r * Dim, Dim);
            for (int c = 0; c < Dim; c++) dot += query[c] * other[c];
            scored.Add(new Neighbour(r, dot));
        }
        return scored.OrderByDescending(n => n.Cosine).ThenBy(n => n.Index).Take(top).ToList();
    }
}
