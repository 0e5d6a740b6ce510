namespace RecSaeExplorer.Web.Api;

/// <summary>Checks of request values; each failure names its parameter (see <see cref="ApiBadRequest"/>).</summary>
public static class Bounds
{
    public static int Check(string name, int? value, int fallback, int min, int max)
    {
        int v = value ?? fallback;
        if (v < min || v > max) throw new ApiBadRequest(name, $"'{name}' must lie in {min}..{max}; got {v}.");
        return v;
    }

    public static double Check(string name, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max) throw new ApiBadRequest(name, $"'{name}' must lie in {min}..{max}; got {value}.");
        return value;
    }

    public static string Text(string name, string? value, int maxLength)
    {
        if (value is { Length: var n } && n > maxLength) throw new ApiBadRequest(name, $"'{name}' must be at most {maxLength} characters.");
        return value ?? "";
    }

    public static T OneOf<T>(string name, string? value, T fallback, params (string Name, T Value)[] choices)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        foreach (var (n, v) in choices) if (string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) return v;
        throw new ApiBadRequest(name, $"'{name}' must be one of {string.Join(", ", choices.Select(c => c.Name))}; got '{value}'.");
    }
}
