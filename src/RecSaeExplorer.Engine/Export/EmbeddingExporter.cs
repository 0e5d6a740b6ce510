using System.Globalization;
using CsvHelper;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Exports;
using RecSaeExplorer.Engine.Recommenders;

namespace RecSaeExplorer.Engine.Export;

/// <summary>
/// Writes a recommender's embeddings (and MF's biases) as CSV for use outside the product:
/// <c>users.csv</c> (index, id, e0..e{d-1}), <c>items.csv</c> (index, id, title, e0..) and, for MF,
/// <c>biases.csv</c> (kind global|user|item, index, id, bias). Numbers use the invariant culture and
/// round-trip exactly.
/// </summary>
public static class EmbeddingExporter
{
    public const string UsersFile = "users.csv";
    public const string ItemsFile = "items.csv";
    public const string BiasesFile = "biases.csv";

    /// <summary>Writes the files into <paramref name="folder"/> (created if needed); returns their paths.</summary>
    public static IReadOnlyList<string> Export(IRecommender model, Dataset dataset, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>
        {
            WriteEmbeddings(Path.Combine(folder, UsersFile), "user", Rows(model.UserEmbeddings(), model.EmbeddingDim),
                r => [dataset.Users[r].Id.ToString(CultureInfo.InvariantCulture)], []),
            WriteEmbeddings(Path.Combine(folder, ItemsFile), "item", Rows(model.ItemEmbeddings(), model.EmbeddingDim),
                r => [dataset.Items[r].Id.ToString(CultureInfo.InvariantCulture), CsvFormulaGuard.Neutralize(dataset.Items[r].Title)], ["title"]),
        };
        if (model.Biases() is { } biases) written.Add(WriteBiases(Path.Combine(folder, BiasesFile), biases, dataset));
        return written;
    }

    private static string WriteEmbeddings(string path, string entity, float[][] rows,
        Func<int, string[]> keys, string[] extraColumns)
    {
        using var text = new StreamWriter(path);
        using var csv = CsvWriter.Create(text, null, true);
        int dim = rows.Length == 0 ? 0 : rows[0].Length;
        string[] header = [$"{entity}_index", $"{entity}_id", .. extraColumns, .. Enumerable.Range(0, dim).Select(k => $"e{k}")];
        csv.WriteHeader(header);
        for (int r = 0; r < rows.Length; r++)
        {
            csv.WriteField(r.ToString(CultureInfo.InvariantCulture));
            foreach (string key in keys(r)) csv.WriteField(key);
            foreach (float value in rows[r]) csv.WriteField(value.ToString("R", CultureInfo.InvariantCulture));
            csv.EndRecord();
        }
        return path;
    }

    private static string WriteBiases(string path, RecommenderBiases biases, Dataset dataset)
    {
        var records = new List<BiasRecord> { new("global", -1, -1, biases.Global) };
        records.AddRange(biases.User.Select((b, u) => new BiasRecord("user", u, dataset.Users[u].Id, b)));
        records.AddRange(biases.Item.Select((b, i) => new BiasRecord("item", i, dataset.Items[i].Id, b)));
        using var text = new StreamWriter(path);
        using var csv = CsvWriter.Create(text, null, true);
        csv.WriteRecords(records);
        return path;
    }

    private static float[][] Rows(TorchSharp.torch.Tensor embeddings, int dim)
    {
        using (embeddings)
        using (var host = embeddings.cpu())
        {
            float[] flat = host.data<float>().ToArray();
            return Enumerable.Range(0, flat.Length / dim).Select(r => flat.AsSpan(r * dim, dim).ToArray()).ToArray();
        }
    }
}

/// <summary>One row of <c>biases.csv</c>; the global bias has index and id -1.</summary>
[CsvRecord]
public sealed partial record BiasRecord(string Kind, int Index, int Id, float Bias);
