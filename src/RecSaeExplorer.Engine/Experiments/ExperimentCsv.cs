using System.Globalization;
using CsvHelper;
using RecSaeExplorer.Core.Exports;

namespace RecSaeExplorer.Engine.Experiments;

/// <summary>One experiment as a CSV row (the audit log's export).</summary>
[CsvRecord]
public sealed partial record ExperimentCsvRow
{
    public string Id { get; init; } = "";
    public string CreatedUtc { get; init; } = "";
    public string Author { get; init; } = "";
    public string RunId { get; init; } = "";
    public string Dataset { get; init; } = "";
    public string Kind { get; init; } = "";
    public string ItemId { get; init; } = "";
    public string ItemTitle { get; init; } = "";
    public int Neuron { get; init; }
    public string NeuronLabel { get; init; } = "";
    public double Level { get; init; }
    public string Mode { get; init; } = "";
    public string Audience { get; init; } = "";
    public int AudienceSize { get; init; }
    public string Reached { get; init; } = "";
    public string Eligible { get; init; } = "";
    public string ShareBefore { get; init; } = "";
    public string ShareAfter { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Note { get; init; } = "";
    public string State { get; init; } = "";

    // Added with the guardrail-first lab; appended so the earlier columns keep their positions.
    public string GuardrailFlagged { get; init; } = "";
    public string GuardrailThreshold { get; init; } = "";
    public string ReachedUnflagged { get; init; } = "";
    public string EligibleUnflagged { get; init; } = "";
    public string MinimumLevel { get; init; } = "";
    public string PushedOut { get; init; } = "";
    public string Link { get; init; } = "";

    /// <summary>"level:value" per level, "level:value/unflagged" for promotions (reach over all users / unflagged users).</summary>
    public string DoseCurve { get; init; } = "";
}

public static class ExperimentCsv
{
    public static void Write(TextWriter writer, IEnumerable<Experiment> experiments)
    {
        using var csv = CsvWriter.Create(writer, null, true);
        csv.WriteRecords(experiments.Select(Row));
    }

    public static string ToText(IEnumerable<Experiment> experiments)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, experiments);
        return writer.ToString();
    }

    // Every text cell goes through the formula guard: authors, titles, labels and notes are user- or data-supplied.
    private static ExperimentCsvRow Row(Experiment e) => new()
    {
        Id = Safe(e.Id), CreatedUtc = e.CreatedUtc.ToString("O", CultureInfo.InvariantCulture), Author = Safe(e.Author), RunId = Safe(e.RunId),
        Dataset = Safe(e.DatasetName), Kind = e.Kind.ToString().ToLowerInvariant(), ItemId = Safe(Text(e.ItemId)), ItemTitle = Safe(e.ItemTitle),
        Neuron = e.Neuron, NeuronLabel = Safe(e.NeuronLabel), Level = e.Level, Mode = Safe(e.Mode), Audience = Safe(e.Audience),
        AudienceSize = e.AudienceSize, Reached = Text(e.Reached), Eligible = Text(e.Eligible),
        GuardrailFlagged = Text(e.GuardrailFlagged), GuardrailThreshold = Text(e.GuardrailThreshold), ReachedUnflagged = Text(e.ReachedUnflagged),
        EligibleUnflagged = Text(e.EligibleUnflagged), MinimumLevel = Text(e.MinimumLevel),
        PushedOut = string.Join(' ', (e.PushedOut ?? []).Select(i => i.ToString(CultureInfo.InvariantCulture))), ShareBefore = Text(e.ShareBefore),
        ShareAfter = Text(e.ShareAfter), Summary = Safe(e.Summary), Note = Safe(e.Note), State = Safe(e.State),
        Link = Safe(e.Link), DoseCurve = Curve(e.DoseCurve),
    };

    private static string Curve(IReadOnlyList<DosePoint>? curve) =>
        string.Join(' ', (curve ?? []).Select(p => $"{Text(p.Level)}:{Text(p.Value)}" + (p.Unflagged is { } u ? $"/{Text(u)}" : "")));

    private static string Safe(string? text) => CsvFormulaGuard.Neutralize(text);
    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
    private static string Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
