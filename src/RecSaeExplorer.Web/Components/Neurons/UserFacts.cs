using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Web.Components.Neurons;

/// <summary>A user's demographics in a few words ("F · 25-34 · writer"), empty where the dataset has none.</summary>
internal static class UserFacts
{
    public static string Describe(UserInfo user) =>
        string.Join(" · ", new[] { user.Gender, user.AgeBand, user.Occupation }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>Whether any of <paramref name="users"/> has demographics (ML-1M does, Last.FM does not): else the column is left out.</summary>
    public static bool AnyKnown(IEnumerable<UserInfo> users) => users.Any(u => Describe(u).Length > 0);
}
