using System.Globalization;

namespace RecSaeExplorer.Engine.Workflows.Requests;

/// <summary>The one rule for a typed list of β values (CLI <c>--beta</c>, the explorer's sweep field, the API).</summary>
public static class BetaList
{
    /// <summary>Most β values one sweep may ask for: each is an SAE training per seed.</summary>
    public const int MaxValues = 20;

    /// <summary>
    /// Numbers separated by commas, semicolons or spaces, each finite and ≥ 0; repeats dropped, order
    /// kept. A <see cref="FormatException"/> says which part is wrong.
    /// </summary>
    public static IReadOnlyList<double> Parse(string text)
    {
        var values = new List<double>();
        foreach (string part in (text ?? "").Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double beta) || !double.IsFinite(beta) || beta < 0)
                throw new FormatException($"β must be a number ≥ 0, got '{part}'.");
            if (!values.Contains(beta)) values.Add(beta);
        }
        if (values.Count == 0) throw new FormatException("Give at least one β, e.g. 0, 1, 2, 5, 10.");
        if (values.Count > MaxValues) throw new FormatException($"At most {MaxValues} β values per sweep, got {values.Count}.");
        return values;
    }

    /// <summary>Like <see cref="Parse"/>, but null instead of an exception (form validation).</summary>
    public static IReadOnlyList<double>? TryParse(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
