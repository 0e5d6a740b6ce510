using Bunit;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Web.Components.Runs;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Runs;

public sealed class BetaSweepChartTests
{
    private static RunSummary Sae(double beta, double rbo, double kendall) =>
        new($"sae-{beta}-{rbo}", "sae", "ml-1m", "relu", "paper", 1, beta, "mf-1", DateTime.UtcNow, null, null, null, null, rbo, kendall);

    [Fact]
    public async Task Ours_are_averaged_per_beta_and_the_papers_numbers_drawn_where_it_has_them()
    {
        await using var ctx = ExplorerTestContext.Create();
        RunSummary[] saes = [Sae(1, 0.4, 0.1), Sae(1, 0.6, 0.3), Sae(0, 0.2, -0.2), Sae(3, 0.5, 0.2)];

        var paperMf = new RecommenderLabel("mf-1", RecommenderModel.Mf, "paper", 20, "ml-1m");
        var cut = ctx.Render<BetaSweepChart>(p => p.Add(c => c.Saes, saes).Add(c => c.Recommender, paperMf).Add(c => c.Preset, "paper"));

        var traces = cut.FindComponent<PlotlyChart>().Instance.Data.Cast<Scatter>().ToList();
        Assert.Equal(["RBO (ours)", "Kendall τ (ours)", "RBO (paper)", "Kendall τ (paper)"], traces.Select(t => t.Name));
        Assert.Equal([0.0, 1.0, 3.0], traces[0].X.Cast<double>());
        Assert.Equal(0.5, traces[0].Y.Cast<double>().ElementAt(1), 10);
        Assert.Equal(0.2, traces[1].Y.Cast<double>().ElementAt(1), 10);
        // The paper reported MF at β = 0, 1, 2, 5, 10: β = 3 has no paper point.
        Assert.Equal([0.0, 1.0], traces[2].X.Cast<double>());
        Assert.Equal([0.224, 0.403], traces[2].Y.Cast<double>());
        Assert.Equal([-0.19, 0.092], traces[3].Y.Cast<double>());
    }

    [Theory]
    [InlineData("tuned", 20, "ml-1m")]
    [InlineData("paper", 64, "ml-1m")]
    [InlineData("paper+custom", 20, "ml-1m")]
    [InlineData("paper", 20, "ml-latest-small")]
    public async Task The_papers_numbers_are_not_drawn_beside_another_recommender(string preset, int dim, string dataset)
    {
        await using var ctx = ExplorerTestContext.Create();
        RunSummary[] saes = [Sae(0, 0.2, -0.2), Sae(1, 0.4, 0.1)];
        var other = new RecommenderLabel("mf-2", RecommenderModel.Mf, preset, dim, dataset);

        var cut = ctx.Render<BetaSweepChart>(p => p.Add(c => c.Saes, saes).Add(c => c.Recommender, other).Add(c => c.Preset, "paper"));

        var traces = cut.FindComponent<PlotlyChart>().Instance.Data.Cast<Scatter>().ToList();
        Assert.Empty(traces.Single(t => t.Name == "RBO (paper)").X);
        Assert.Contains($"d={dim}", cut.Markup);
    }
}
