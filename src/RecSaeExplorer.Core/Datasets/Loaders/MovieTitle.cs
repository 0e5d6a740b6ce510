namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// Splits GroupLens titles such as "Toy Story (1995)" into the title and its release year. Handles the
/// dataset's quirks: trailing spaces, no space before the year ("(L'Associe)(1982)"), a year range
/// ("(2006–2007)", the first year counts) and titles with no year at all.
/// </summary>
internal static class MovieTitle
{
    public static (string Title, int? Year) Parse(string raw)
    {
        string text = raw.Trim();
        if (text.Length < 6 || text[^1] != ')') return (text, null);
        int open = text.LastIndexOf('(');
        if (open < 0 || !TryYear(text.AsSpan(open + 1, text.Length - open - 2), out int year)) return (text, null);
        string title = text[..open].TrimEnd();
        return title.Length == 0 ? (text, null) : (title, year);
    }

    private static bool TryYear(ReadOnlySpan<char> inside, out int year)
    {
        year = 0;
        if (inside.Length > 4 && inside[4] is '-' or '–') inside = inside[..4];
        return inside.Length == 4 && int.TryParse(inside, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out year) && year >= 1800;
    }
}
