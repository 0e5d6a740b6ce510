using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using RecSaeExplorer.Web.Components.Sharing;

namespace RecSaeExplorer.Web.Tests.Sharing;

public sealed class AddressBarTests
{
    [Fact]
    public async Task The_address_is_replaced_through_blazors_navigate_to_with_an_absolute_uri()
    {
        await using var ctx = new BunitContext();
        var call = ctx.JSInterop.SetupVoid("Blazor.navigateTo", _ => true);
        call.SetVoidResult();

        await Bar(ctx).ReplaceAsync("lab/promote?item=1&level=2");

        var invocation = Assert.Single(ctx.JSInterop.Invocations, i => i.Identifier == "Blazor.navigateTo");
        Assert.Equal("http://localhost/lab/promote?item=1&level=2", invocation.Arguments[0]);
        Assert.Contains("replaceHistoryEntry = True", invocation.Arguments[1]!.ToString());
    }

    public static TheoryData<Exception> Failures => new()
    {
        new JSException("The browser refused the navigation."),
        new JSDisconnectedException("The circuit's connection is gone."),
        new TaskCanceledException("No answer within the timeout."),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_or_unanswered_replace_leaves_the_page_working(Exception failure)
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.SetupVoid("Blazor.navigateTo", _ => true).SetException(failure);

        // NavigationManager.NavigateTo would end the circuit here; the address bar only logs it.
        await Bar(ctx).ReplaceAsync("neurons?q=horror");

        Assert.Single(ctx.JSInterop.Invocations, i => i.Identifier == "Blazor.navigateTo");
    }

    private static AddressBar Bar(BunitContext ctx) =>
        new(ctx.JSInterop.JSRuntime, ctx.Services.GetRequiredService<NavigationManager>(), NullLogger<AddressBar>.Instance);
}
