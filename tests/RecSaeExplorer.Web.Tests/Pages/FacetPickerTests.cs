using Bunit;
using MudBlazor;
using RecSaeExplorer.Web.Components.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Pages;

/// <summary>The labs' genre/tag pickers type ahead and start from the neuron's own facet, not the alphabetically first.</summary>
public sealed class FacetPickerTests
{
    [Fact]
    public async Task A_new_fans_audience_starts_from_the_neurons_own_facet()
    {
        await using var ctx = ExplorerTestContext.Create();
        var dataset = HandMadeDataset.Create();
        string own = dataset.FacetNames[^1];
        Assert.NotEqual(dataset.FacetNames.Order(StringComparer.OrdinalIgnoreCase).First(), own);
        string? emitted = null;
        var cut = ctx.Render<AudiencePicker>(p => p.Add(a => a.Dataset, dataset).Add(a => a.Spec, "test").Add(a => a.PreferredFacet, own)
            .Add(a => a.SpecChanged, (string s) => emitted = s));

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("facet"));

        Assert.Equal($"facet:{own}:50", emitted);
        Assert.Equal(own, cut.FindComponent<FacetPicker>().Instance.Value);
    }

    [Fact]
    public async Task Typing_narrows_the_facets_and_the_neurons_own_comes_first()
    {
        await using var ctx = ExplorerTestContext.Create();
        var dataset = HandMadeDataset.Create();
        string own = dataset.FacetNames[^1];
        var cut = ctx.Render<FacetPicker>(p => p.Add(a => a.Dataset, dataset).Add(a => a.Preferred, own));
        var picker = cut.FindComponent<MudAutocomplete<string>>().Instance ?? throw new InvalidOperationException("no autocomplete");
        async Task<List<string>> Search(string text)
        {
            var found = await (picker.SearchFunc ?? throw new InvalidOperationException("no search"))(text, CancellationToken.None)!;
            return found is null ? [] : [.. found.OfType<string>()];
        }

        var all = await Search("");
        Assert.Equal(own, all[0]);
        Assert.Equal(dataset.FacetNames.Count, all.Count);

        string typed = dataset.FacetNames[0][..2];
        var narrowed = await Search(typed);
        Assert.NotEmpty(narrowed);
        Assert.All(narrowed, f => Assert.Contains(typed, f, StringComparison.OrdinalIgnoreCase));
        Assert.True(narrowed.Count < all.Count || all.All(f => f.Contains(typed, StringComparison.OrdinalIgnoreCase)));
    }
}
