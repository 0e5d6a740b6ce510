using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Labs;

/// <summary>Past the per-person cap on heavy lab work a lab says so and keeps working: once a place is free, the next move computes.</summary>
[Collection(TinyRunsCollection.Name)]
public sealed class LabBusyTests(TinyRunsFixture runs)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("lab/promote")]
    [InlineData("lab/users")]
    public async Task A_person_at_the_cap_gets_the_message_and_the_same_page_computes_once_a_place_is_free(string lab)
    {
        await using var ctx = ExplorerTestContext.Create().SignIn("ana", Roles.Viewer).WithLabs(runs.Catalog);
        var limiter = ctx.Services.GetRequiredService<HeavyLabWorkLimiter>();
        // Two computations of ana's already running (e.g. in other tabs) hold both places.
        var elsewhere = new TaskCompletionSource<int>();
        var held = Enumerable.Range(0, limiter.Limit).Select(_ => limiter.RunAsync("user:ana", () => elsewhere.Task)).ToList();

        ctx.GoTo($"{lab}?run={runs.Sae.Id}&item=1&neuron=0");
        var cut = lab == "lab/promote" ? (IRenderedComponent<IComponent>)ctx.Render<PromotionLab>() : ctx.Render<UsersLab>();
        cut.WaitForAssertion(() => Assert.Contains("heavy lab computations running", cut.Find(".lab-error").TextContent), Wait);

        elsewhere.SetResult(0);
        await Task.WhenAll(held);
        ctx.GoTo($"{lab}?run={runs.Sae.Id}&item=1&neuron=1");
        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll(".lab-error"));
            Assert.NotEmpty(cut.FindAll(".top-list-compare, .lab-stat-value"));
        }, Wait);
    }
}
