namespace RecSaeExplorer.Core.Datasets;

/// <summary>Release decades as METHOD.md §1 bins them: everything before 1970 is one bin.</summary>
public static class Decades
{
    public const string Pre1970 = "pre-1970";

    public static string Of(int year) => year < 1970 ? Pre1970 : $"{year / 10 * 10}s";

    /// <summary>Chronological order of decade labels.</summary>
    public static int SortKey(string label) =>
        label == Pre1970 ? 0 : int.TryParse(label.TrimEnd('s'), out int start) ? start : int.MaxValue;
}
