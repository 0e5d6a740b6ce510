using Microsoft.AspNetCore.Components;
using RecSaeExplorer.Web.Components.Sharing;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>
/// bUnit has no browser to run <c>Blazor.navigateTo</c>; its NavigationManager takes the same replace, so tests read
/// the page's address from it. The browser tests cover the real <see cref="AddressBar"/>.
/// </summary>
internal sealed class NavigatingAddressBar(NavigationManager navigation) : IAddressBar
{
    public Task ReplaceAsync(string uri)
    {
        navigation.NavigateTo(uri, replace: true);
        return Task.CompletedTask;
    }
}
