using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Labs;

/// <summary>A lab holds its SAE run while it is open and gives it back when its tab goes, so the catalog can evict it.</summary>
[Collection(TinyRunsCollection.Name)]
public sealed class LabLeaseTests(TinyRunsFixture runs)
{
    [Fact]
    public async Task A_closed_lab_releases_its_run_within_a_second()
    {
        await using var ctx = ExplorerTestContext.Create().WithLabs(runs.Catalog);
        var concepts = ctx.Services.GetRequiredService<ConceptCatalog>();
        ctx.GoTo($"lab/promote?run={runs.Sae.Id}&level=0&mode=set&audience=test");

        var cut = ctx.Render<PromotionLab>();
        cut.WaitForAssertion(() => Assert.Equal(1, concepts.HoldersOf(runs.Sae.Id)), TimeSpan.FromSeconds(30));

        var closed = DateTime.UtcNow;
        await ctx.DisposeComponentsAsync();

        await EngineServices.Eventually(() => concepts.HoldersOf(runs.Sae.Id) == 0, "the run released", seconds: 1);
        Assert.True(DateTime.UtcNow - closed < TimeSpan.FromSeconds(1));
        Assert.Contains(runs.Sae.Id, concepts.OpenRunIds); // idle and within capacity: kept for the next page
    }
}
