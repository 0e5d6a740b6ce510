using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Web.Components.Neurons;

/// <summary>A user's demographics in a few words ("F · 25-34 · writer"), empty where the dataset has none.</summary>
internal static class UserFacts
{
    public static string Describe(UserInfo user) =>
        string.Join(" · ", new[] { user.Gender, user.AgeBand, user.Occupation }.Where(s => !string.IsNullOrEmpty(s)));
}
