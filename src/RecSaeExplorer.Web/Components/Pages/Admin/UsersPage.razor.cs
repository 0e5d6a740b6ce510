using Microsoft.AspNetCore.Components;
using MudBlazor;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Web.Governance;

namespace RecSaeExplorer.Web.Components.Pages.Admin;

public partial class UsersPage
{
    private IReadOnlyList<AccountSummary> _accounts = [];
    private readonly AccountForm _add = new();
    private readonly AccountForm _reset = new();
    private AccountSummary? _resetting;
    private string? _message;
    private bool _failed;
    private int _version;

    [Inject] private GovernedActions Governed { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;

    protected override Task OnInitializedAsync() => Run(() => Task.CompletedTask, null);

    private Task ChangeRoleAsync(AccountSummary account, string role) =>
        Run(() => Governed.ChangeRoleAsync(account.Name, role), $"{account.Name} is now {role}.");

    private void StartReset(AccountSummary account)
    {
        _resetting = account;
        _reset.Password = "";
    }

    private async Task ResetAsync()
    {
        if (_resetting is not { } account) return;
        await Run(() => Governed.ResetPasswordAsync(account.Name, _reset.Password ?? ""), $"Password of {account.Name} reset; their other sessions are signed out.");
        if (!_failed) _resetting = null;
        _reset.Password = "";
    }

    private async Task RemoveAsync(AccountSummary account)
    {
        bool? sure = await Dialogs.ShowMessageBoxAsync("Remove account", $"Remove {account.Name} ({account.Role})? They can no longer sign in.",
            yesText: "Remove", cancelText: "Cancel");
        if (sure == true) await Run(() => Governed.RemoveAccountAsync(account.Name), $"{account.Name} removed.");
    }

    private Task RevokeAsync(AccountSummary account) =>
        Run(() => Governed.RevokeApiTokenAsync(account.Name), $"API token of {account.Name} revoked.");

    private async Task AddAsync()
    {
        string name = (_add.Name ?? "").Trim();
        await Run(() => Governed.AddAccountAsync(name, _add.Role, _add.Password ?? ""), $"{name} added as {_add.Role}.");
        if (!_failed) (_add.Name, _add.Password) = ("", "");
        else _add.Password = "";
    }

    // Every action reloads the list, so the table shows the store (a refused change shows the role it still has).
    private async Task Run(Func<Task> action, string? success)
    {
        try
        {
            await action();
            (_message, _failed) = (success, false);
        }
        catch (ForbiddenActionException refused)
        {
            (_message, _failed) = (refused.Message, true);
        }
        try
        {
            _accounts = await Governed.ListAccountsAsync();
            _version++;
        }
        catch (ForbiddenActionException refused)
        {
            (_accounts, _message, _failed) = ([], refused.Message, true);
        }
    }

    private sealed class AccountForm
    {
        public string? Name { get; set; }
        public string Role { get; set; } = Roles.Viewer;
        public string? Password { get; set; }
    }
}
