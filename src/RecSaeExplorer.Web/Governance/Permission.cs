using System.Security.Claims;
using RecSaeExplorer.Engine.Accounts;

namespace RecSaeExplorer.Web.Governance;

/// <summary>What a person may do; each is also an authorization policy of the same name.</summary>
public enum Permission
{
    /// <summary>Browse every page, move lab sliders, copy links.</summary>
    View,
    /// <summary>Queue trainings and sweeps.</summary>
    Train,
    /// <summary>Cancel one's own jobs (any job needs <see cref="CancelAnyJob"/>).</summary>
    CancelOwnJob,
    RenameNeuron,
    /// <summary>Save an experiment (as a draft proposal).</summary>
    SaveExperiment,
    /// <summary>Submit, approve or reject proposals (never approve one's own).</summary>
    ReviewProposals,
    CancelAnyJob,
    DeleteRun,
    ManageUsers,
    ViewAudit,
}

/// <summary>
/// The permission matrix. Roles are ordered and each includes the ones below it:
/// viewer: View · analyst: + Train, CancelOwnJob, RenameNeuron, SaveExperiment · governor: + ReviewProposals ·
/// admin: + CancelAnyJob, DeleteRun, ManageUsers, ViewAudit.
/// </summary>
public static class PermissionMatrix
{
    public static string MinimumRole(Permission permission) => permission switch
    {
        Permission.View => Roles.Viewer,
        Permission.Train or Permission.CancelOwnJob or Permission.RenameNeuron or Permission.SaveExperiment => Roles.Analyst,
        Permission.ReviewProposals => Roles.Governor,
        _ => Roles.Admin,
    };

    /// <summary>The role a principal acts with: its highest known role claim; an anonymous visitor is a viewer when allowed, else nobody.</summary>
    public static string? RoleOf(ClaimsPrincipal? user, bool anonymousViewer)
    {
        if (user?.Identity?.IsAuthenticated != true) return anonymousViewer ? Roles.Viewer : null;
        return user.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(Roles.IsKnown).OrderByDescending(Roles.Rank).FirstOrDefault()
            ?? Roles.Viewer;
    }

    public static bool Allows(string? role, Permission permission) => Roles.Rank(role) >= Roles.Rank(MinimumRole(permission));

    public static bool Allows(ClaimsPrincipal? user, Permission permission, bool anonymousViewer) =>
        Allows(RoleOf(user, anonymousViewer), permission);
}
