using System.Globalization;
using RecSaeExplorer.Core.Datasets;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Data;

/// <summary>Console rendering of <see cref="DatasetStats"/>: a summary table and two bar charts.</summary>
internal static class StatsView
{
    public static void Write(IAnsiConsole console, DatasetStats stats, int topFacets)
    {
        var summary = new Table().Title($"[bold]{Markup.Escape(stats.Name)}[/]").AddColumns("measure", "value");
        summary.Columns[1].RightAligned();
        summary.AddRow("users", N(stats.Users));
        summary.AddRow("items (with interactions)", N(stats.Items));
        summary.AddRow("items listed", N(stats.ListedItems));
        summary.AddRow("interactions", N(stats.Interactions));
        summary.AddRow("density", stats.Density.ToString("P3", CultureInfo.InvariantCulture));
        console.Write(summary);

        console.Write(Chart($"Top {Math.Min(topFacets, stats.Facets.Count)} facets (items per facet)", stats.Facets.Take(topFacets), Color.SteelBlue));
        if (stats.Decades.Count > 0) console.Write(Chart("Items per decade", stats.Decades, Color.DarkOrange));
    }

    private static BarChart Chart(string title, IEnumerable<LabelCount> rows, Color color)
    {
        var chart = new BarChart().Label($"[bold]{Markup.Escape(title)}[/]").Width(72);
        foreach (var row in rows) chart.AddItem(Markup.Escape(row.Label), row.Count, color);
        return chart;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
