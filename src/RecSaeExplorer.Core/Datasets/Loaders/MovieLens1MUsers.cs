namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>The demographic codes of ML-1M's users.dat, named as its README names them.</summary>
internal static class MovieLens1MUsers
{
    public static readonly IReadOnlyDictionary<int, string> AgeBands = new Dictionary<int, string>
    {
        [1] = "Under 18", [18] = "18-24", [25] = "25-34", [35] = "35-44", [45] = "45-49", [50] = "50-55", [56] = "56+",
    };

    /// <summary>Occupation names by code 0..20.</summary>
    public static readonly IReadOnlyList<string> Occupations =
    [
        "other/not specified", "academic/educator", "artist", "clerical/admin", "college/grad student",
        "customer service", "doctor/health care", "executive/managerial", "farmer", "homemaker", "K-12 student",
        "lawyer", "programmer", "retired", "sales/marketing", "scientist", "self-employed", "technician/engineer",
        "tradesman/craftsman", "unemployed", "writer",
    ];

    public const string AgeCodes = "one of the age codes 1, 18, 25, 35, 45, 50, 56";
    public const string OccupationCodes = "an occupation code 0..20";
}
