using System.Globalization;
using CsvHelper;
using RecSaeExplorer.Core.Exports;

namespace RecSaeExplorer.Core.Concepts;

/// <summary>
/// One neuron as a CSV row (NaN where a value does not apply, e.g. user effects without user data). Labels and
/// facet names come from dataset metadata (tags, genres), so they pass the formula guard.
/// </summary>
[CsvRecord]
public sealed partial record NeuronCsvRow
{
    public int Index { get; init; }
    public string Label { get; init; } = "";
    public string Kind { get; init; } = "";
    public double Confidence { get; init; }
    public double Lift { get; init; }
    public double QValue { get; init; }
    public double Purity10 { get; init; }
    public double Purity20 { get; init; }
    public double Purity50 { get; init; }
    public string TopFacets { get; init; } = "";
    public string TopDecade { get; init; } = "";
    public double MeanPopularityRank { get; init; }
    public double PopularitySpearman { get; init; }
    public double ItemFrequency { get; init; }
    public double UserFrequency { get; init; }
    public double GenderEffect { get; init; }
    public double AgeEffect { get; init; }

    public static NeuronCsvRow Of(NeuronProfile p) => new()
    {
        Index = p.Index, Label = CsvFormulaGuard.Neutralize(p.Label.Text), Kind = p.Label.Kind.ToString().ToLowerInvariant(), Confidence = p.Label.Confidence,
        Lift = p.Label.Lift, QValue = p.Label.QValue, Purity10 = p.PurityAtK(10), Purity20 = p.PurityAtK(20), Purity50 = p.PurityAtK(50),
        TopFacets = CsvFormulaGuard.Neutralize(NeuronCsv.Describe(p.FacetMix, 3)), TopDecade = CsvFormulaGuard.Neutralize(NeuronCsv.Describe(p.DecadeMix, 1)),
        MeanPopularityRank = p.MeanPopularityRank, PopularitySpearman = p.PopularitySpearman, ItemFrequency = p.ItemFrequency,
        UserFrequency = p.UserFrequency ?? double.NaN, GenderEffect = p.GenderEffect ?? double.NaN, AgeEffect = p.AgeEffect ?? double.NaN,
    };
}

public static class NeuronCsv
{
    /// <summary>"Horror 82%, Thriller 30%": the first <paramref name="count"/> shares.</summary>
    public static string Describe(IEnumerable<Share> shares, int count) =>
        string.Join(", ", shares.Take(count).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Value:P0}")));

    public static void Write(TextWriter writer, IEnumerable<NeuronProfile> profiles)
    {
        using var csv = CsvWriter.Create(writer, null, true);
        csv.WriteRecords(profiles.Select(NeuronCsvRow.Of));
    }

    public static void Write(string path, IEnumerable<NeuronProfile> profiles)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        using var writer = new StreamWriter(path);
        Write(writer, profiles);
    }
}
