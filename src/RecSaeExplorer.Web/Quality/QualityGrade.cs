namespace RecSaeExplorer.Web.Quality;

public enum QualityLevel
{
    Weak,
    Fair,
    Good,
}

/// <summary>A measured value, its grade and why (the threshold it met or missed), as a badge shows it.</summary>
public sealed record QualityGrade(string Metric, double Value, QualityLevel Level, string Reason);

/// <summary>Lower bounds of "fair" and "good" for one metric; below fair is weak.</summary>
public sealed record QualityThreshold(string Metric, double Fair, double Good, string Why)
{
    public QualityGrade Grade(double value)
    {
        var level = value >= Good ? QualityLevel.Good : value >= Fair ? QualityLevel.Fair : QualityLevel.Weak;
        string bound = level switch
        {
            QualityLevel.Good => $"≥ {Good:0.##} (good)",
            QualityLevel.Fair => $"≥ {Fair:0.##} but < {Good:0.##} (fair)",
            _ => $"< {Fair:0.##} (weak)",
        };
        return new QualityGrade(Metric, value, level, $"{Metric} {value:0.000} {bound}. {Why}");
    }
}
