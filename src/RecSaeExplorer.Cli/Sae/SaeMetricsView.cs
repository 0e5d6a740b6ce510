using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Sae.Sweeps;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Sae;

/// <summary>Console tables of SAE metrics and sweep rows.</summary>
internal static class SaeMetricsView
{
    public static void Write(IAnsiConsole console, string runId, RecommenderLabel recommender, SaeMetrics m)
    {
        var table = new Table().AddColumns("metric", "honest (seen excluded)", "seen included");
        table.AddRow("RBO (p=0.9, depth 30)", F(m.Honest.MeanRbo), F(m.SeenIncluded.MeanRbo));
        table.AddRow("RBO_ext", F(m.Honest.MeanRboExt), F(m.SeenIncluded.MeanRboExt));
        table.AddRow("Kendall τ-b", F(m.Honest.MeanKendall), F(m.SeenIncluded.MeanKendall));
        table.AddRow("MS (embedding cosine)", F(m.Monosemanticity), "");
        table.AddRow("MS (genre Jaccard)", F(m.MonosemanticityMetadata), "");
        table.AddRow("L0 (items / users)", $"{m.MeanL0:F2} ({m.MeanL0Items:F2} / {m.MeanL0Users:F2})", "");
        table.AddRow("dead latents", $"{m.DeadLatents} ({100 * m.DeadShare:F1}%)", "");
        table.AddRow($"rare latents (< {SaeMetrics.RareBelow:P0} of vectors)", $"{m.RareLatents} ({100 * m.RareShare:F1}%)", "");
        table.AddRow("explained variance", F(m.ExplainedVariance), "");
        table.AddRow("HR@10 original / reconstructed", $"{F(m.OriginalAccuracy?.HitRate ?? 0)} / {F(m.ReconstructedAccuracy?.HitRate ?? 0)}", "");
        table.AddRow("NDCG@10 original / reconstructed", $"{F(m.OriginalAccuracy?.Ndcg ?? 0)} / {F(m.ReconstructedAccuracy?.Ndcg ?? 0)}", "");
        console.MarkupLine($"SAE run [bold]{Markup.Escape(runId)}[/] on recommender {Markup.Escape(recommender.ToString())}, {m.Users.Length} test users:");
        console.Write(table);
    }

    /// <summary>The paper's columns appear only when some row ran on the paper's own recommender recipe.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<SweepRow> rows)
    {
        bool paper = rows.Any(r => !double.IsNaN(r.PaperRbo));
        var table = new Table().AddColumns("recommender", "SAE preset", "β", "RBO");
        if (paper) table.AddColumn("paper");
        table.AddColumns("RBO_ext", "Kendall");
        if (paper) table.AddColumn("paper");
        table.AddColumn("MS");
        if (paper) table.AddColumn("paper");
        table.AddColumns("MS genre", "L0", "dead %", "rare %", "RBO seen", "τ seen", "s/run");
        foreach (var r in rows)
        {
            var cells = new List<string> { Markup.Escape($"{r.Model} {r.RecommenderPreset} d={r.RecommenderDim}\n{r.Recommender}"), Markup.Escape(r.Preset), $"{r.Beta:G}", Pm(r.Rbo, r.RboSd) };
            if (paper) cells.Add(P(r.PaperRbo));
            cells.AddRange([Pm(r.RboExt, r.RboExtSd), Pm(r.Kendall, r.KendallSd)]);
            if (paper) cells.Add(P(r.PaperKendall));
            cells.Add(Pm(r.Ms, r.MsSd));
            if (paper) cells.Add(P(r.PaperMs));
            cells.AddRange([F(r.MsMetadata), $"{r.L0:F1}", $"{r.DeadPercent:F1}", $"{r.RarePercent:F1}", F(r.RboSeen), F(r.KendallSeen), $"{r.TrainSeconds:F0}"]);
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }

    private static string F(double v) => v.ToString("F3");
    private static string P(double v) => double.IsNaN(v) ? "–" : v.ToString("F3");
    private static string Pm(double mean, double sd) => $"{mean:F3} ± {sd:F3}";
}
