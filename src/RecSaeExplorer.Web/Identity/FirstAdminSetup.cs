using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using RecSaeExplorer.Engine.Accounts;

namespace RecSaeExplorer.Web.Identity;

/// <summary>
/// First start without an admin: a random one-time token, printed as a link in the console log, lets whoever
/// can read that log (the person who started the explorer) create the first admin. It is spent on use and
/// forgotten on restart; once an admin exists no token is issued. <c>recsae users add</c> is the other way.
/// </summary>
public sealed class FirstAdminSetup(IServiceProvider services, IServer server, IHostApplicationLifetime lifetime, ILogger<FirstAdminSetup> logger)
    : IHostedService
{
    public const string Path = "/account/setup";
    private readonly Lock _gate = new();
    private string? _token;

    public bool IsOpen
    {
        get { lock (_gate) return _token is not null; }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            try
            {
                if (AdminExists()) return;
                string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                lock (_gate) _token = token;
                string address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5180";
                logger.LogWarning("No admin account yet. Create the first admin (one-time link): {Link}", $"{address.TrimEnd('/')}{Path}?token={token}");
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not check for an admin account.");
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True once for the right token: it is spent whether or not the account is then created.</summary>
    public bool TrySpend(string? token)
    {
        lock (_gate)
        {
            if (_token is null || token is null) return false;
            bool match = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_token), Encoding.UTF8.GetBytes(token));
            if (match) _token = null;
            return match;
        }
    }

    /// <summary>Whether <paramref name="token"/> is the open one, without spending it (the setup page checks before showing its form).</summary>
    public bool Matches(string? token)
    {
        lock (_gate)
            return _token is not null && token is not null
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_token), Encoding.UTF8.GetBytes(token));
    }

    private bool AdminExists() => services.GetRequiredService<IAccountRepository>().Accounts().Any(a => a.Role == Roles.Admin);
}
