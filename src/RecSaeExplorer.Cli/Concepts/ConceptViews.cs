using RecSaeExplorer.Core.Concepts;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Concepts;

/// <summary>Console tables of the concept commands.</summary>
internal static class ConceptViews
{
    public static void Neurons(IAnsiConsole console, ConceptSession session, IReadOnlyList<NeuronProfile> profiles)
    {
        var table = new Table().AddColumns("#", "label", "conf.", "purity@20", "top facets", "decade", "pop. rank", "ρ pop", "active");
        foreach (var p in profiles)
        {
            table.AddRow($"{p.Index}", Markup.Escape(session.Report(p).Shown), $"{p.Label.Confidence:F2}", F(p.PurityAtK(20)),
                Markup.Escape(NeuronCsv.Describe(p.FacetMix, 3)), Markup.Escape(NeuronCsv.Describe(p.DecadeMix, 1)),
                F(p.MeanPopularityRank, "F0"), F(p.PopularitySpearman), $"{p.ItemFrequency:P0}");
        }
        console.MarkupLine($"SAE run [bold]{Markup.Escape(session.Run.Id)}[/] on {Markup.Escape(session.Dataset.Name)}: {profiles.Count} neurons, "
            + $"{profiles.Count(p => p.IsDead)} dead, {profiles.Count(p => p.Label.Kind is not (ConceptKind.Dead or ConceptKind.Mixed))} labelled.");
        console.Write(table);
    }

    public static void Prefixes(IAnsiConsole console, ConceptSession session, IReadOnlyList<PrefixGroup> groups)
    {
        var table = new Table().AddColumns("latents", "alive", "labelled", "active on items", "mean pop. rank of top items",
            "distinct dominant facets", "facets ≥10% per latent");
        foreach (var g in groups)
        {
            table.AddRow(g.Range, $"{g.Alive}", $"{g.Labelled}", $"{g.MeanItemFrequency:P1}", F(g.MeanPopularityRank, "F0"),
                $"{g.DistinctDominantFacets}", F(g.MeanFacetsPerLatent, "F1"));
        }
        console.MarkupLine($"Concept breadth by block of latents, SAE run [bold]{Markup.Escape(session.Run.Id)}[/] on {Markup.Escape(session.Dataset.Name)}:");
        console.Write(table);
    }

    public static void Detail(IAnsiConsole console, NeuronDetailReport r)
    {
        var n = r.Neuron;
        console.MarkupLine($"Neuron [bold]{n.Index}[/]: [green]{Markup.Escape(n.Shown)}[/] ({n.Kind}), confidence {n.Confidence:F2}, lift {n.Lift:F1}, q {n.QValue:G2}");
        console.MarkupLine($"purity@10/20/50 {F(n.Purity10)} / {F(n.Purity20)} / {F(n.Purity50)}; active on {n.ItemFrequency:P0} of items"
            + (n.UserFrequency is { } u ? $", {u:P0} of users" : "")
            + (n.GenderEffect is { } d ? $"; gender d (F−M) {d:F2}" : "") + (n.AgeEffect is { } eta ? $"; age η² {eta:F3}" : ""));
        console.MarkupLine($"facets: {Markup.Escape(NeuronCsv.Describe(n.TopFacets, 5))}; decades: {Markup.Escape(NeuronCsv.Describe(n.Decades, 3))}; "
            + $"mean popularity rank {F(n.MeanPopularityRank, "F0")}, ρ {F(n.PopularitySpearman)}");
        Items(console, "top items (activation)", r.TopItems);
        Items(console, $"decoder probe z_k = {r.ProbeLevel:G} (cosine)", r.Probe);
    }

    public static void Items(IAnsiConsole console, string title, IReadOnlyList<ItemReport> items)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("id", "title", "facets", "decade", "popularity", "score");
        foreach (var i in items)
            table.AddRow($"{i.Id}", Markup.Escape(i.Title), Markup.Escape(string.Join("|", i.Facets)), i.Decade ?? "", $"{i.Popularity}", $"{i.Score:F3}");
        console.Write(table);
    }

    private static string F(double? value, string format = "F2") => value is { } v && double.IsFinite(v) ? v.ToString(format) : "–";
}
