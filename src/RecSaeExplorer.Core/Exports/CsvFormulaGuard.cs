namespace RecSaeExplorer.Core.Exports;

/// <summary>
/// Formula-injection guard for every CSV the product writes (OWASP "CSV Injection"): a spreadsheet
/// evaluates a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return, so
/// such text cells get a leading single quote and open as plain text. Numbers we format ourselves are
/// written as numbers and are not passed through here (a negative level stays <c>-1</c>).
/// </summary>
public static class CsvFormulaGuard
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralize(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Array.IndexOf(Triggers, text[0]) >= 0 ? "'" + text : text;
}
