using CsvHelper;
using RecSaeExplorer.Core.Exports;

namespace RecSaeExplorer.Engine.Interventions;

/// <summary>One user at one level of a promotion; ranks are 0 when beyond the list depth or excluded.</summary>
[CsvRecord]
public sealed partial record PromotionCsvRow
{
    public double Level { get; init; }
    public int UserId { get; init; }
    public int BaselineRank { get; init; }
    public int NewRank { get; init; }
    public bool Excluded { get; init; }
    public bool Reached { get; init; }
    public bool ReachedResearch { get; init; }
    public int PushedOutItemId { get; init; }
}

/// <summary>One user of a nudge or suppression.</summary>
[CsvRecord]
public sealed partial record ShiftCsvRow
{
    public int UserId { get; init; }
    public double ShareBefore { get; init; }
    public double ShareAfter { get; init; }
    public string Removed { get; init; } = "";
    public string Added { get; init; } = "";
}

/// <summary>CSV export of interventions, with dataset ids (not dense indices) for users and items.</summary>
public static class InterventionCsv
{
    public static void WritePromotion(string path, DoseResponse dose, Func<int, int> userId, Func<int, int> itemId) =>
        Write(path, csv => csv.WriteRecords(dose.Steps.SelectMany(s => s.Users.Select(u => new PromotionCsvRow
        {
            Level = s.Level, UserId = userId(u.User), BaselineRank = u.BaselineRank ?? 0, NewRank = u.NewRank ?? 0, Excluded = u.Excluded,
            Reached = u.Reached, ReachedResearch = u.ReachedResearch, PushedOutItemId = u.PushedOut is { } i ? itemId(i) : 0,
        }))));

    public static void WriteShift(string path, AudienceShift shift, Func<int, int> userId, Func<int, int> itemId) =>
        Write(path, csv => csv.WriteRecords(shift.Users.Select(u => new ShiftCsvRow
        {
            UserId = userId(u.User), ShareBefore = u.ShareBefore, ShareAfter = u.ShareAfter,
            Removed = CsvFormulaGuard.Neutralize(string.Join(' ', u.Before.Except(u.After).Select(itemId))),
            Added = CsvFormulaGuard.Neutralize(string.Join(' ', u.After.Except(u.Before).Select(itemId))),
        })));

    private static void Write(string path, Action<CsvWriter> write)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        using var writer = new StreamWriter(path);
        using var csv = CsvWriter.Create(writer, null, true);
        write(csv);
    }
}
