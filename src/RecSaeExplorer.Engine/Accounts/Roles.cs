namespace RecSaeExplorer.Engine.Accounts;

/// <summary>
/// The four roles, each including the powers of the ones before it: viewer &lt; analyst &lt; governor &lt; admin.
/// An account holds one role; what a role may do is the permission matrix of the explorer.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Governor = "governor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Analyst, Governor, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <summary>0 for viewer … 3 for admin; -1 for anything else.</summary>
    public static int Rank(string? role) => role is null ? -1 : All.ToList().FindIndex(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));

    /// <summary>The canonical spelling of a known role; throws for an unknown one.</summary>
    public static string Canonical(string role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown role '{role}'; use one of {string.Join(", ", All)}.", nameof(role));
}
