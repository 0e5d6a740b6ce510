using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace RecSaeExplorer.Web.Components.Sharing;

/// <summary>Puts a page's state into the browser's address bar (a history replace), so a copied or reloaded link reopens it.</summary>
public interface IAddressBar
{
    /// <summary>Replaces the current history entry with <paramref name="uri"/> (relative to the base URI or absolute).</summary>
    Task ReplaceAsync(string uri);
}

/// <summary>
/// Replaces the address through Blazor's own <c>Blazor.navigateTo</c> in the browser, which updates the
/// NavigationManager as <c>NavigateTo(uri, replace: true)</c> does. The difference is failure: a NavigateTo call
/// the browser never acknowledges (lost around a reconnect, or a tab stalled past the JS-interop timeout) is an
/// unhandled exception that ends the whole circuit; here it leaves the address one step behind, and the page's
/// next change puts it right.
/// </summary>
public sealed class AddressBar(IJSRuntime js, NavigationManager navigation, ILogger<AddressBar> logger) : IAddressBar
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public async Task ReplaceAsync(string uri)
    {
        string absolute = navigation.ToAbsoluteUri(uri).ToString();
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await js.InvokeVoidAsync("Blazor.navigateTo", timeout.Token, absolute, new { replaceHistoryEntry = true });
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException or InvalidOperationException)
        {
            // InvalidOperationException: no browser yet (prerendering). The page keeps working; only the address lags.
            logger.LogInformation("The address bar was not updated to {Uri}: {Reason}", absolute, e.Message);
        }
    }
}
