namespace RecSaeExplorer.Core.Datasets;

/// <summary>
/// The one exception every loader throws for bad input: which file, which line (1-based, 0 when the
/// problem is the file as a whole), which field, and what was expected there.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string file, int line, string field, string expected, string? found = null, Exception? inner = null)
        : base(Compose(file, line, field, expected, found), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Expected = expected;
        Found = found;
    }

    public string File { get; }
    public int Line { get; }
    public string Field { get; }
    public string Expected { get; }
    public string? Found { get; }

    private static string Compose(string file, int line, string field, string expected, string? found)
    {
        string where = line > 0 ? $"{Path.GetFileName(file)}, line {line}" : Path.GetFileName(file);
        string what = found is null ? "" : $", found '{Truncate(found)}'";
        return $"{where}, field '{field}': expected {expected}{what}.";
    }

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
