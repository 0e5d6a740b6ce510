using RecSaeExplorer.Engine.Interventions;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Concepts;

/// <summary>Console output of promote, suppress and nudge.</summary>
internal static class InterventionViews
{
    public static void Promotion(IAnsiConsole console, PromotionReport r)
    {
        console.MarkupLine($"Promote [bold]{Markup.Escape(r.Item.Title)}[/] via neuron {string.Join(",", r.Neurons)} ([green]{Markup.Escape(r.NeuronLabel)}[/], {r.Mode}) "
            + $"for {Markup.Escape(r.Audience)}: {r.Excluded} have it as a training positive, {r.AlreadyListed} already list it.");
        var table = new Table().AddColumns("level", "eligible", "reached", "share", "research count", "most pushed out");
        foreach (var l in r.Levels)
            table.AddRow($"{l.Level:G}", $"{l.Eligible}", $"{l.Reached}", $"{l.ReachShare:P0}", $"{l.ReachedResearch}",
                Markup.Escape(string.Join("; ", l.Collateral.Take(2).Select(c => $"{c.Title} ×{c.Users}"))));
        console.Write(table);
        console.MarkupLine(r.MinimumLevel is { } m ? $"minimum level reaching {r.TargetShare:P0}: [bold]{m:G}[/]" : $"no level reaches {r.TargetShare:P0}");
        console.MarkupLine($"baseline {r.ContextSeconds:F2} s; {r.MedianStepMs:F2} ms per level");
        if (r.Benchmark is { } b)
            console.MarkupLine($"benchmark, {b.Steps} steps: median {b.MedianMs:F3} ms, p95 {b.P95Ms:F3} ms; resident memory {b.ResidentBeforeBytes / 1e6:F0} → {b.ResidentAfterBytes / 1e6:F0} MB ({b.MemoryGrowth:+0.0%;-0.0%})");
    }

    public static void Shift(IAnsiConsole console, ShiftReport r)
    {
        console.MarkupLine($"{r.Action} neuron {string.Join(",", r.Neurons)} ([green]{Markup.Escape(r.NeuronLabel)}[/], {r.Mode} {r.Level:G} on {r.On}) for {Markup.Escape(r.Audience)}");
        console.MarkupLine($"{Markup.Escape(r.Facet)} share of the top lists: {r.ShareBefore:P1} → [bold]{r.ShareAfter:P1}[/] ({r.RelativeChange:+0%;-0%;0%})");
        var table = new Table().AddColumns("left lists", "×", "entered lists", "×");
        for (int k = 0; k < Math.Max(r.Removed.Count, r.Added.Count) && k < 8; k++)
        {
            table.AddRow(k < r.Removed.Count ? Markup.Escape(r.Removed[k].Title) : "", k < r.Removed.Count ? $"{r.Removed[k].Users}" : "",
                k < r.Added.Count ? Markup.Escape(r.Added[k].Title) : "", k < r.Added.Count ? $"{r.Added[k].Users}" : "");
        }
        console.Write(table);
        if (r.Curve is { } curve) ShiftCurve(console, curve);
    }

    private static void ShiftCurve(IAnsiConsole console, ShiftCurveReport curve)
    {
        var table = new Table().AddColumns("level", "share after", "change");
        foreach (var p in curve.Points) table.AddRow($"{p.Level:G}", $"{p.ShareAfter:P1}", $"{p.RelativeChange:+0%;-0%;0%}");
        console.Write(table);
        console.MarkupLine(curve.ShallowestLevel is { } level
            ? $"Level nearest 0 that cuts the share by {curve.TargetCut:P0} or more: [bold]{level:G}[/]"
            : $"No level of the grid cuts the share by {curve.TargetCut:P0}.");
    }
}
