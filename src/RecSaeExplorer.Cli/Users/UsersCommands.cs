using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Governance;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Runs.Integrity;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Users;

/// <summary>
/// <c>recsae users add|list|remove|reset-password|token</c>: the explorer's local accounts, in the same store and
/// through the same Identity UserManager (hashing, validation) as the explorer. Without <c>--password-stdin</c>
/// a random password is generated and printed once. Every change is audited as <c>cli:&lt;OS user&gt;</c>.
/// </summary>
public static class UsersCommands
{
    public static Command Build(Func<ParseResult, CliContext> contextFor)
    {
        var users = new Command("users", "Manage the explorer's local accounts (roles: viewer, analyst, governor, admin).");
        users.Subcommands.Add(Add(contextFor));
        users.Subcommands.Add(List(contextFor));
        users.Subcommands.Add(Remove(contextFor));
        users.Subcommands.Add(ResetPassword(contextFor));
        users.Subcommands.Add(Role(contextFor));
        users.Subcommands.Add(Token(contextFor));
        return users;
    }

    private static readonly Option<bool> PasswordStdin = new("--password-stdin") { Description = "Read the password from the first line of standard input instead of generating one." };

    private static Argument<string> NameArgument() => new("name") { Description = "The account name used to sign in." };

    private static Command Add(Func<ParseResult, CliContext> contextFor)
    {
        var name = NameArgument();
        var role = new Option<string>("--role") { Description = "viewer, analyst, governor or admin.", Required = true };
        var command = new Command("add", "Create an account with a role.") { name, role, PasswordStdin };
        command.SetAction(async (parse, ct) =>
        {
            var context = contextFor(parse);
            string roleName = parse.GetValue(role)!;
            if (!Roles.IsKnown(roleName)) throw new UsageException($"Unknown role '{roleName}'; use one of {string.Join(", ", Roles.All)}.");
            var (password, generated) = Password(parse);
            using var store = new RunStore(context.StorePath);
            await using var services = Services(store);
            var account = await Admin(services, store).AddAsync(Actor, parse.GetValue(name)!, roleName, password);
            if (context.Json) context.WriteJson(new { name = account.UserName, role = account.Role, password = generated ? password : null });
            else
            {
                context.Console.MarkupLine($"created [green]{Markup.Escape(account.UserName)}[/] ({account.Role})");
                if (generated) context.Console.MarkupLine($"password (shown once): [bold]{Markup.Escape(password)}[/]");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("list", "Every local account with its role and lockout state.");
        command.SetAction(parse =>
        {
            var context = contextFor(parse);
            using var store = new RunStore(context.StorePath, StoreAccess.Read);
            var now = DateTime.UtcNow;
            var rows = store.Accounts().Select(a => AccountSummary.Of(a, now))
                .Select(a => new { name = a.Name, role = a.Role, createdUtc = a.CreatedUtc, lockedOutUntilUtc = a.LockedOutUntilUtc }).ToList();
            if (context.Json) context.WriteJson(rows);
            else if (rows.Count == 0) context.Console.MarkupLine("No accounts yet: [bold]recsae users add <name> --role admin[/].");
            else
            {
                var table = new Table().AddColumns("name", "role", "created (UTC)", "locked until (UTC)");
                foreach (var r in rows) table.AddRow(Markup.Escape(r.name), r.role, r.createdUtc.ToString("yyyy-MM-dd HH:mm"), r.lockedOutUntilUtc?.ToString("yyyy-MM-dd HH:mm") ?? "");
                context.Console.Write(table);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(Func<ParseResult, CliContext> contextFor)
    {
        var name = NameArgument();
        var command = new Command("remove", "Delete an account.") { name };
        command.SetAction(async (parse, ct) =>
        {
            var context = contextFor(parse);
            using var store = new RunStore(context.StorePath);
            await using var services = Services(store);
            string removed = parse.GetValue(name)!;
            await Admin(services, store).RemoveAsync(Actor, removed);
            if (context.Json) context.WriteJson(new { removed });
            else context.Console.MarkupLine($"removed [yellow]{Markup.Escape(removed)}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ResetPassword(Func<ParseResult, CliContext> contextFor)
    {
        var name = NameArgument();
        var command = new Command("reset-password", "Set a new password (and lift a lockout); signs the account out everywhere.") { name, PasswordStdin };
        command.SetAction(async (parse, ct) =>
        {
            var context = contextFor(parse);
            var (password, generated) = Password(parse);
            using var store = new RunStore(context.StorePath);
            await using var services = Services(store);
            string account = parse.GetValue(name)!;
            await Admin(services, store).ResetPasswordAsync(Actor, account, password);
            if (context.Json) context.WriteJson(new { name = account, password = generated ? password : null });
            else
            {
                context.Console.MarkupLine($"password reset for [green]{Markup.Escape(account)}[/]");
                if (generated) context.Console.MarkupLine($"password (shown once): [bold]{Markup.Escape(password)}[/]");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Role(Func<ParseResult, CliContext> contextFor)
    {
        var name = NameArgument();
        var role = new Option<string>("--role") { Description = "viewer, analyst, governor or admin.", Required = true };
        var command = new Command("role", "Change an account's role (the last admin cannot be demoted).") { name, role };
        command.SetAction(async (parse, ct) =>
        {
            var context = contextFor(parse);
            string roleName = parse.GetValue(role)!;
            if (!Roles.IsKnown(roleName)) throw new UsageException($"Unknown role '{roleName}'; use one of {string.Join(", ", Roles.All)}.");
            using var store = new RunStore(context.StorePath);
            await using var services = Services(store);
            string account = parse.GetValue(name)!;
            await Admin(services, store).ChangeRoleAsync(Actor, account, roleName);
            if (context.Json) context.WriteJson(new { name = account, role = Roles.Canonical(roleName) });
            else context.Console.MarkupLine($"[green]{Markup.Escape(account)}[/] is now {Roles.Canonical(roleName)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Token(Func<ParseResult, CliContext> contextFor)
    {
        var name = NameArgument();
        var revoke = new Option<bool>("--revoke") { Description = "Remove the account's API token instead of issuing a new one." };
        var command = new Command("token", "Issue the account's HTTP API token (shown once; replaces any earlier one) or revoke it.") { name, revoke };
        command.SetAction(async (parse, ct) =>
        {
            var context = contextFor(parse);
            using var store = new RunStore(context.StorePath);
            await using var services = Services(store);
            var (account, token) = await Admin(services, store).SetApiTokenAsync(Actor, parse.GetValue(name)!, parse.GetValue(revoke));
            if (context.Json) context.WriteJson(new { name = account.UserName, token });
            else if (token is null) context.Console.MarkupLine($"API token of [yellow]{Markup.Escape(account.UserName)}[/] revoked");
            else
            {
                context.Console.MarkupLine($"API token for [green]{Markup.Escape(account.UserName)}[/] ({account.Role}), shown once:");
                context.Console.WriteLine(token);
                context.Console.MarkupLine("Send it as [bold]Authorization: Bearer <token>[/].");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Actor => $"cli:{Environment.UserName}";

    private static ServiceProvider Services(RunStore store)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAccounts(_ => store);
        return services.BuildServiceProvider();
    }

    private static AccountAdministration Admin(ServiceProvider services, RunStore store) =>
        new(services.GetRequiredService<UserManager<Account>>(), store, store);

    private static (string Password, bool Generated) Password(ParseResult parse)
    {
        if (!parse.GetValue(PasswordStdin))
            return (Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_'), true);
        string? line = Console.In.ReadLine();
        if (string.IsNullOrEmpty(line)) throw new UsageException("--password-stdin: standard input had no password line.");
        return (line, false);
    }
}
