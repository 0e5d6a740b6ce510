using System.Globalization;

namespace RecSaeExplorer.Engine.Validation;

/// <summary>
/// The bounds every entry point (CLI, explorer pages, links) applies to user input, in one place so
/// they cannot drift apart. The limits are documented in the README ("Bounds").
/// </summary>
public static class InputBounds
{
    /// <summary>Most levels in a grid: 0:20:0.01 fits; memory and time grow with the count (each level scores the whole audience).</summary>
    public const int MaxLevels = 2001;

    /// <summary>Largest |level| for a code edit: SAE codes are ReLU activations of order 1–100; 10⁴ keeps float32 scores finite.</summary>
    public const double MaxLevelMagnitude = 10_000;

    /// <summary>Longest neuron name, counted after trimming.</summary>
    public const int MaxNameLength = 80;

    /// <summary>Largest top-N, list depth or audience size a command or page may ask for.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>"0:5:0.5" → 0, 0.5, …, 5 (inclusive); "0,1,3" → those levels. Every level finite and within bounds, at most <see cref="MaxLevels"/>.</summary>
    public static double[] LevelGrid(string spec, string input)
    {
        string usage = $"{input} '{spec}' must be start:stop:step (e.g. 0:5:0.5) or a list (e.g. 0,1,2)";
        string[] parts = spec.Split(':');
        if (parts.Length == 1)
        {
            var list = spec.Split(',');
            if (list.Length > MaxLevels) throw new BoundsException(input, $"{input} lists {list.Length:N0} levels; at most {MaxLevels:N0} are allowed.");
            return list.Select(p => Level(ParseNumber(p, input, usage), input)).ToArray();
        }
        if (parts.Length != 3) throw new BoundsException(input, usage + ".");
        double start = Level(ParseNumber(parts[0], input, usage), input);
        double stop = Level(ParseNumber(parts[1], input, usage), input);
        double step = ParseNumber(parts[2], input, usage);
        if (!(step > 0) || !double.IsFinite(step)) throw new BoundsException(input, $"{input} '{spec}': the step must be a positive number.");
        if (stop < start) throw new BoundsException(input, $"{input} '{spec}': stop is below start.");
        double count = Math.Floor((stop - start) / step + 1e-9) + 1;
        if (count > MaxLevels)
            throw new BoundsException(input, $"{input} '{spec}' has {count:N0} levels; at most {MaxLevels:N0} are allowed (use a larger step).");
        return Enumerable.Range(0, (int)count).Select(k => Math.Round(start + k * step, 10)).ToArray();
    }

    /// <summary>A code level: finite, |level| ≤ <see cref="MaxLevelMagnitude"/>.</summary>
    public static double Level(double value, string input)
    {
        if (!double.IsFinite(value)) throw new BoundsException(input, $"{input} must be a finite number, not {value.ToString(CultureInfo.InvariantCulture)}.");
        if (Math.Abs(value) > MaxLevelMagnitude)
            throw new BoundsException(input, $"{input} {value.ToString(CultureInfo.InvariantCulture)} is outside ±{MaxLevelMagnitude.ToString("N0", CultureInfo.InvariantCulture)}.");
        return value;
    }

    /// <summary>A share such as a target reach or cut: a number in [0, 1].</summary>
    public static double Share(double value, string input) =>
        value is >= 0 and <= 1 ? value : throw new BoundsException(input, $"{input} {value.ToString(CultureInfo.InvariantCulture)} must be a share between 0 and 1.");

    /// <summary>A top-N, depth or audience size: 1 ≤ n ≤ <see cref="MaxCount"/>.</summary>
    public static int Count(int value, string input) => value is >= 1 and <= MaxCount
        ? value
        : throw new BoundsException(input, $"{input} {value.ToString(CultureInfo.InvariantCulture)} must be between 1 and {MaxCount.ToString("N0", CultureInfo.InvariantCulture)}.");

    /// <summary>An index in [0, <paramref name="count"/>), given as text (a link parameter, an argument); the message names the value.</summary>
    public static int Index(string? text, int count, string input)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            throw new BoundsException(input, $"{input} '{text}' is not a whole number.");
        if (value < 0 || value >= count) throw new BoundsException(input, $"{input} {value} is outside 0..{count - 1}.");
        return value;
    }

    /// <summary>An id as text: a whole number that fits an int (the datasets' ids); whether it exists is the caller's question.</summary>
    public static int Id(string? text, string input) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new BoundsException(input, $"{input} '{text}' is not a valid id (a whole number up to {int.MaxValue:N0}).");

    /// <summary>A neuron name: trimmed, at most <see cref="MaxNameLength"/> characters; blank means none.</summary>
    public static string? Name(string? name, string input)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        string trimmed = name.Trim();
        return trimmed.Length <= MaxNameLength
            ? trimmed
            : throw new BoundsException(input, $"{input} is {trimmed.Length:N0} characters long; at most {MaxNameLength} are allowed.");
    }

    private static double ParseNumber(string text, string input, string usage) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new BoundsException(input, usage + ".");
}
