namespace RecSaeExplorer.Core.Concepts;

/// <summary>Row-major activations [rows, neurons]: row r is item (or user) r's SAE code z.</summary>
public sealed class ActivationMatrix
{
    private readonly float[] _values;

    public ActivationMatrix(int rows, int neurons, float[] values)
    {
        if (values.Length != (long)rows * neurons) throw new ArgumentException("values must hold rows × neurons entries.", nameof(values));
        Rows = rows;
        Neurons = neurons;
        _values = values;
    }

    public int Rows { get; }
    public int Neurons { get; }

    public float this[int row, int neuron] => _values[row * Neurons + neuron];

    public static ActivationMatrix From(float[,] values)
    {
        int rows = values.GetLength(0), neurons = values.GetLength(1);
        var flat = new float[rows * neurons];
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < neurons; k++) flat[r * neurons + k] = values[r, k];
        return new ActivationMatrix(rows, neurons, flat);
    }

    /// <summary>Row r's code z (a copy).</summary>
    public float[] Row(int row) => _values.AsSpan(row * Neurons, Neurons).ToArray();

    /// <summary>Neuron k's activation over all rows.</summary>
    public double[] Column(int neuron)
    {
        var column = new double[Rows];
        for (int r = 0; r < Rows; r++) column[r] = _values[r * Neurons + neuron];
        return column;
    }
}
