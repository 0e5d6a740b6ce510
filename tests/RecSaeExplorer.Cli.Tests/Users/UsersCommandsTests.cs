using System.Text.Json;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Cli.Tests.Users;

public sealed class UsersCommandsTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();
    private string Store => Path.Combine(_folder, "store.db");

    [Fact]
    public async Task Add_list_reset_and_remove_an_account_each_audited()
    {
        var added = await CliRunner.RunAsync("users", "add", "gina", "--role", "Governor", "--store", Store, "--json");
        Assert.Equal(ExitCodes.Ok, added.ExitCode);
        using var json = JsonDocument.Parse(added.Output);
        Assert.Equal("governor", json.RootElement.GetProperty("role").GetString());
        string password = json.RootElement.GetProperty("password").GetString()!;
        Assert.True(password.Length >= 16);

        var listed = await CliRunner.RunAsync("users", "list", "--store", Store);
        Assert.Contains("gina", listed.Output);
        Assert.Contains("governor", listed.Output);

        var duplicate = await CliRunner.RunAsync("users", "add", "GINA", "--role", "viewer", "--store", Store);
        Assert.Equal(ExitCodes.Failure, duplicate.ExitCode);

        var reset = await CliRunner.RunAsync("users", "reset-password", "gina", "--store", Store, "--json");
        Assert.Equal(ExitCodes.Ok, reset.ExitCode);
        using (var store = new RunStore(Store))
        {
            var hash = store.FindAccountByName("GINA")!.PasswordHash;
            Assert.DoesNotContain(password, hash);
        }

        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("users", "remove", "gina", "--store", Store)).ExitCode);
        Assert.Contains("No accounts yet", (await CliRunner.RunAsync("users", "list", "--store", Store)).Output);

        using var audit = new RunStore(Store);
        var trail = audit.AuditTrail();
        Assert.Equal(["created, role governor", "password reset", "removed"], trail.Select(e => e.After));
        Assert.All(trail, e => Assert.StartsWith("cli:", e.Actor));
    }

    [Fact]
    public async Task Token_is_shown_once_stored_only_as_its_hash_replaced_and_revoked()
    {
        await CliRunner.RunAsync("users", "add", "nb", "--role", "analyst", "--store", Store);
        var issued = await CliRunner.RunAsync("users", "token", "nb", "--store", Store, "--json");
        Assert.Equal(ExitCodes.Ok, issued.ExitCode);
        string token = JsonDocument.Parse(issued.Output).RootElement.GetProperty("token").GetString()!;
        Assert.StartsWith(Engine.Accounts.ApiTokens.Prefix, token);
        Assert.DoesNotContain(token, File.ReadAllText(Store, System.Text.Encoding.Latin1));
        using (var store = new RunStore(Store, Engine.Runs.Integrity.StoreAccess.Read))
            Assert.Equal("nb", store.FindAccountByApiToken(Engine.Accounts.ApiTokens.Hash(token))!.UserName);

        var second = await CliRunner.RunAsync("users", "token", "nb", "--store", Store, "--json");
        string newer = JsonDocument.Parse(second.Output).RootElement.GetProperty("token").GetString()!;
        Assert.NotEqual(token, newer);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("users", "token", "nb", "--revoke", "--store", Store)).ExitCode);
        using var after = new RunStore(Store, Engine.Runs.Integrity.StoreAccess.Read);
        Assert.Null(after.FindAccountByApiToken(Engine.Accounts.ApiTokens.Hash(token)));
        Assert.Null(after.FindAccountByApiToken(Engine.Accounts.ApiTokens.Hash(newer)));
        Assert.Equal(["API token issued", "API token issued", "API token revoked"], after.AuditTrail().Skip(1).Select(e => e.After));
    }

    [Fact]
    public async Task Role_changes_a_role_audited_and_the_last_admin_is_neither_demoted_nor_removed()
    {
        await CliRunner.RunAsync("users", "add", "root", "--role", "admin", "--store", Store);
        await CliRunner.RunAsync("users", "add", "ana", "--role", "analyst", "--store", Store);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("users", "role", "ana", "--role", "governor", "--store", Store)).ExitCode);

        var demote = await CliRunner.RunAsync("users", "role", "root", "--role", "viewer", "--store", Store);
        Assert.Equal(ExitCodes.Failure, demote.ExitCode);
        Assert.Contains("last admin", demote.Error);
        var remove = await CliRunner.RunAsync("users", "remove", "root", "--store", Store);
        Assert.Equal(ExitCodes.Failure, remove.ExitCode);
        Assert.Contains("last admin", remove.Error);

        using var store = new RunStore(Store, Engine.Runs.Integrity.StoreAccess.Read);
        Assert.Equal(("admin", "governor"), (store.FindAccountByName("ROOT")!.Role, store.FindAccountByName("ANA")!.Role));
        var changed = store.AuditTrail().Last();
        Assert.Equal(("ana", "role analyst", "role governor"), (changed.Target, changed.Before, changed.After));
    }

    [Fact]
    public async Task An_unknown_role_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("users", "add", "x", "--role", "root", "--store", Store);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("viewer, analyst, governor, admin", result.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
