namespace RecSaeExplorer.Engine.Accounts;

/// <summary>An account change that was refused (unknown account, weak password, the last admin); nothing was changed.</summary>
public sealed class AccountRefusedException(string message) : InvalidOperationException(message);
