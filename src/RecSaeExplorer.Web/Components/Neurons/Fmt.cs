using System.Globalization;

namespace RecSaeExplorer.Web.Components.Neurons;

/// <summary>Numbers as the neuron pages print them: invariant culture, so they read the same on any server; "—" for missing.</summary>
internal static class Fmt
{
    public static string Num(double? value, string format = "0.00") =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    /// <summary>"genre" → "Genre", for facet kinds in headings.</summary>
    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string Percent(double? value, string format = "0.0") =>
        value is { } v && !double.IsNaN(v) ? (v * 100).ToString(format, CultureInfo.InvariantCulture) + "%" : "—";
}
