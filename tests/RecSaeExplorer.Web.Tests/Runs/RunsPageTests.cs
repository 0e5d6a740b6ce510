using Bunit;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Components.Pages;
using RecSaeExplorer.Web.Components.Runs;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Runs;

[Collection(TinyRunsCollection.Name)]
public sealed class RunsPageTests(TinyRunsFixture runs)
{
    [Fact]
    public async Task The_grid_lists_every_stored_run_with_its_metrics()
    {
        await using var ctx = ExplorerTestContext.Create();
        var summaries = runs.Catalog.List().Select(RunSummary.Of).ToList();

        var cut = ctx.Render<RunsGrid>(p => p.Add(c => c.Runs, summaries));

        var rows = cut.FindAll("tr.run-row");
        Assert.Equal(2, rows.Count);
        var metrics = RunStore.RecommenderMetricsOf(runs.Recommender)!;
        var recommenderRow = cut.Find("tr.run-recommender");
        Assert.Contains(runs.Recommender.Id, recommenderRow.TextContent);
        Assert.Contains(metrics.SampledAt(10)!.HitRate.ToString("0.000"), recommenderRow.TextContent);
        Assert.Contains(metrics.FullAt(10)!.Ndcg.ToString("0.000"), recommenderRow.TextContent);
        var saeRow = cut.Find("tr.run-sae");
        Assert.Contains(runs.Sae.Id, saeRow.TextContent);
        Assert.Contains(RunStore.SaeMetricsOf(runs.Sae)!.Honest.MeanRbo.ToString("0.000"), saeRow.TextContent);
        Assert.Equal($"runs/{runs.Sae.Id}", saeRow.QuerySelector("a.run-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_runs_page_reads_the_store_and_offers_the_form_and_the_jobs()
    {
        await using var ctx = ExplorerTestContext.Create()
            .WithDatasets(EngineServices.ShippedDatasets())
            .WithEngine(runs.Catalog);

        var cut = ctx.Render<RunsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.run-row").Count), TimeSpan.FromSeconds(10));
        Assert.Single(cut.FindComponents<NewTrainingForm>());
        Assert.Contains("No training jobs", cut.Find(".jobs-panel").TextContent);
    }

    [Fact]
    public void A_summary_carries_the_sae_beta_and_no_recommender_metrics()
    {
        var sae = RunSummary.Of(runs.Sae);
        var recommender = RunSummary.Of(runs.Recommender);

        Assert.Equal(2, sae.Beta);
        Assert.Null(sae.SampledHr10);
        Assert.NotNull(sae.MeanKendall);
        Assert.Null(recommender.Beta);
        Assert.Null(recommender.MeanRbo);
        // The fixture overrides dimension, epochs and batch size: the label says it is not the tuned recipe.
        Assert.Equal("tuned-d4+custom", recommender.Preset);
    }
}
