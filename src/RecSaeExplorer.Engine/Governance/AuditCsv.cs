using System.Globalization;
using CsvHelper;
using RecSaeExplorer.Core.Exports;

namespace RecSaeExplorer.Engine.Governance;

[CsvRecord]
public sealed partial record AuditCsvRow
{
    public long Id { get; init; }
    public string Utc { get; init; } = "";
    public string Actor { get; init; } = "";
    public string Action { get; init; } = "";
    public string Target { get; init; } = "";
    public string Before { get; init; } = "";
    public string After { get; init; } = "";
    public string Hash { get; init; } = "";
}

/// <summary>The audit trail as CSV; actors, targets and values can carry user text, so every text cell is formula-guarded.</summary>
public static class AuditCsv
{
    public static string ToText(IEnumerable<AuditEntry> entries)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, null, true))
        {
            csv.WriteRecords(entries.Select(e => new AuditCsvRow
            {
                Id = e.Id, Utc = e.Utc.ToString("O", CultureInfo.InvariantCulture), Actor = Safe(e.Actor), Action = Safe(e.Action),
                Target = Safe(e.Target), Before = Safe(e.Before), After = Safe(e.After), Hash = e.Hash,
            }));
        }
        return writer.ToString();
    }

    private static string Safe(string? text) => CsvFormulaGuard.Neutralize(text);
}
