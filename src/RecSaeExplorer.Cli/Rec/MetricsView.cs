using System.Globalization;
using RecSaeExplorer.Core.Metrics;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Rec;

/// <summary>Console table of a recommender's accuracy: one row per protocol and K.</summary>
internal static class MetricsView
{
    public static void Write(IAnsiConsole console, RecommenderMetrics metrics, string title)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(title)}[/]")
            .AddColumns("protocol", "K", "HR", "NDCG", "Recall", "MRR", "coverage", "mean pop.", "cases");
        for (int c = 1; c < table.Columns.Count; c++) table.Columns[c].RightAligned();
        foreach (var s in metrics.FullRanking)
        {
            var coverage = metrics.CoverageAt(s.K);
            AddRow(table, "full ranking", s, coverage?.CatalogCoverage.ToString("P1", CultureInfo.InvariantCulture), coverage?.MeanPopularity.ToString("F0", CultureInfo.InvariantCulture));
        }
        foreach (var s in metrics.Sampled) AddRow(table, "1 + 99 sampled", s, null, null);
        console.Write(table);
    }

    private static void AddRow(Table table, string protocol, RankingScores s, string? coverage, string? popularity) =>
        table.AddRow(protocol, s.K.ToString(CultureInfo.InvariantCulture), F(s.HitRate), F(s.Ndcg), F(s.Recall), F(s.Mrr),
            coverage ?? "", popularity ?? "", s.Count.ToString("N0", CultureInfo.InvariantCulture));

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
