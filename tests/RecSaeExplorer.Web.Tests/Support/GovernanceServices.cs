using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RecSaeExplorer.Web.Governance;
using RecSaeExplorer.Web.Security;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>
/// The governance services as the app registers them, over bunit's test authentication: a context starts
/// anonymous (a viewer, as in the default configuration) and <see cref="SignIn"/> makes it a signed-in role.
/// </summary>
internal static class GovernanceServices
{
    public static BunitContext AddGovernance(this BunitContext ctx, SecurityOptions? options = null)
    {
        ctx.AddAuthorization();
        var monitor = new FixedOptions<SecurityOptions>(options ?? new SecurityOptions());
        ctx.Services.AddSingleton<Microsoft.Extensions.Options.IOptionsMonitor<SecurityOptions>>(monitor);
        ctx.Services.AddScoped<CurrentActor>();
        ctx.Services.AddScoped<GovernedActions>();
        ctx.Services.AddSingleton<ILogger<AuditLog>>(NullLogger<AuditLog>.Instance);
        ctx.Services.AddSingleton<AuditLog>();
        ctx.Services.AddSingleton<ProposalService>();
        return ctx;
    }

    /// <summary>Signs the context in as <paramref name="name"/> with <paramref name="role"/> (before rendering).</summary>
    public static BunitContext SignIn(this BunitContext ctx, string name, string role)
    {
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(role);
        return ctx;
    }

    private sealed class FixedOptions<T>(T value) : Microsoft.Extensions.Options.IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
