using CsvHelper;
using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Engine.Sae.Evaluation;

/// <summary>
/// Each test user's best-first top-N from original and from reconstructed embeddings (item indices), with
/// training positives excluded (honest) and included (the research code's variant): the fidelity metrics'
/// inputs, row r belonging to <see cref="Users"/>[r].
/// </summary>
public sealed record SaeTopLists(int[] Users, int[][] HonestOriginal, int[][] HonestReconstructed,
    int[][] SeenOriginal, int[][] SeenReconstructed)
{
    public const string Honest = "honest";
    public const string SeenIncluded = "seen-included";

    /// <summary>
    /// Long format, one row per user, variant and rank, with the dataset's own user and item ids. A list
    /// shorter than the depth leaves its cell empty.
    /// </summary>
    public void WriteCsv(TextWriter writer, Dataset dataset)
    {
        using var csv = CsvWriter.Create(writer, null, true);
        csv.WriteRecords(Enumerable.Range(0, Users.Length).SelectMany(r =>
            Rows(dataset, r, Honest, HonestOriginal[r], HonestReconstructed[r])
                .Concat(Rows(dataset, r, SeenIncluded, SeenOriginal[r], SeenReconstructed[r]))));
    }

    private IEnumerable<TopListCsvRow> Rows(Dataset dataset, int r, string variant, int[] original, int[] reconstructed) =>
        Enumerable.Range(0, Math.Max(original.Length, reconstructed.Length)).Select(rank => new TopListCsvRow
        {
            User = dataset.Users[Users[r]].Id, Variant = variant, Rank = rank + 1,
            Original = rank < original.Length ? dataset.Items[original[rank]].Id : null,
            Reconstructed = rank < reconstructed.Length ? dataset.Items[reconstructed[rank]].Id : null,
        });
}

/// <summary>One rank of one user's original and reconstructed lists (dataset ids).</summary>
[CsvRecord]
public sealed partial record TopListCsvRow
{
    public int User { get; init; }
    public string Variant { get; init; } = "";
    public int Rank { get; init; }
    public int? Original { get; init; }
    public int? Reconstructed { get; init; }
}
