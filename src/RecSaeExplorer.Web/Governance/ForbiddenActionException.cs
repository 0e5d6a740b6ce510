namespace RecSaeExplorer.Web.Governance;

/// <summary>A state change the acting person may not make; the UI shows the message, the state is untouched.</summary>
public sealed class ForbiddenActionException(string message) : InvalidOperationException(message);
