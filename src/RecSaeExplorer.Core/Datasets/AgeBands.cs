namespace RecSaeExplorer.Core.Datasets;

/// <summary>Age bands ("Under 18", "18-24", …, "56+") in age order, not text order (which puts "Under 18" last).</summary>
public static class AgeBands
{
    public static int SortKey(string band) =>
        band.StartsWith("Under", StringComparison.OrdinalIgnoreCase) ? 0
        : int.TryParse(new string(band.TakeWhile(char.IsDigit).ToArray()), out int start) ? start : int.MaxValue;

    /// <summary>The distinct bands of <paramref name="dataset"/>'s users, youngest first.</summary>
    public static IReadOnlyList<string> Of(Dataset dataset) =>
        dataset.Users.Select(u => u.AgeBand).OfType<string>().Distinct().OrderBy(SortKey).ThenBy(b => b, StringComparer.Ordinal).ToList();
}
