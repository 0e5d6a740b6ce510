using RecSaeExplorer.Engine.Sae.Evaluation;
using RecSaeExplorer.Engine.Sae.Sweeps;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Sae;

/// <summary>Console tables of SAE metrics and sweep rows.</summary>
internal static class SaeMetricsView
{
    public static void Write(IAnsiConsole console, string runId, SaeMetrics m)
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
        console.MarkupLine($"SAE run [bold]{Markup.Escape(runId)}[/], {m.Users.Length} test users:");
        console.Write(table);
    }

    public static void Write(IAnsiConsole console, IEnumerable<SweepRow> rows)
    {
        var table = new Table().AddColumns("model", "preset", "β", "RBO", "paper", "RBO_ext", "Kendall", "paper", "MS", "paper",
            "MS genre", "L0", "dead %", "rare %", "RBO seen", "τ seen", "s/run");
        foreach (var r in rows)
        {
            table.AddRow(r.Model, Markup.Escape(r.Preset), $"{r.Beta:G}", Pm(r.Rbo, r.RboSd), P(r.PaperRbo), Pm(r.RboExt, r.RboExtSd),
                Pm(r.Kendall, r.KendallSd), P(r.PaperKendall), Pm(r.Ms, r.MsSd), P(r.PaperMs), F(r.MsMetadata), $"{r.L0:F1}",
                $"{r.DeadPercent:F1}", $"{r.RarePercent:F1}", F(r.RboSeen), F(r.KendallSeen), $"{r.TrainSeconds:F0}");
        }
        console.Write(table);
    }

    private static string F(double v) => v.ToString("F3");
    private static string P(double v) => double.IsNaN(v) ? "–" : v.ToString("F3");
    private static string Pm(double mean, double sd) => $"{mean:F3} ± {sd:F3}";
}
