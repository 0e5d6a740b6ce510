using System.Globalization;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Validation;

namespace RecSaeExplorer.Cli.Concepts;

/// <summary>Parsing of the concept commands' values: neurons by index or label, items by id or title, level grids, audiences.</summary>
internal static class ConceptArguments
{
    /// <summary>
    /// "7" → [7]; a name a person gave in the explorer → those neurons; a label ("Horror", "Children's/Animation") → every
    /// neuron whose automatic label matches, most confident first.
    /// </summary>
    public static IReadOnlyList<int> Neurons(string spec, ConceptSession session)
    {
        if (int.TryParse(spec, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k))
        {
            if (k < 0 || k >= session.Sae.Sae.Width) throw new UsageException($"Neuron {k} is outside 0..{session.Sae.Sae.Width - 1}.");
            return [k];
        }
        var named = session.Names.Values.Where(n => string.Equals(n.Name, spec.Trim(), StringComparison.OrdinalIgnoreCase)).Select(n => n.Neuron).Order().ToList();
        if (named.Count > 0) return named;
        var matches = session.Profiles.Where(p => Matches(p.Label, spec)).OrderByDescending(p => p.Label.Confidence).Select(p => p.Index).ToList();
        if (matches.Count == 0)
            throw new UsageException($"No neuron is labelled '{spec}'; labels: {string.Join(", ", session.Profiles.Select(p => p.Label.Text).Distinct().Take(40))}.");
        return matches;
    }

    private static bool Matches(ConceptLabel label, string spec) =>
        label.Kind is not (ConceptKind.Dead or ConceptKind.Mixed)
        && (string.Equals(label.Text, spec, StringComparison.OrdinalIgnoreCase) || string.Equals(label.Name, spec, StringComparison.OrdinalIgnoreCase)
            || string.Equals(label.Secondary, spec, StringComparison.OrdinalIgnoreCase));

    /// <summary>An item by dataset id, exact title, or the most popular title containing the text.</summary>
    public static ItemInfo Item(string spec, Dataset dataset)
    {
        if (int.TryParse(spec, NumberStyles.Integer, CultureInfo.InvariantCulture, out int id) && dataset.Items.FirstOrDefault(i => i.Id == id) is { } byId)
            return byId;
        return dataset.Items.FirstOrDefault(i => string.Equals(i.Title, spec, StringComparison.OrdinalIgnoreCase))
            ?? dataset.Items.Where(i => i.Title.Contains(spec, StringComparison.OrdinalIgnoreCase)).MaxBy(i => i.Popularity)
            ?? throw new UsageException($"No item has id or title '{spec}'.");
    }

    /// <summary>"0:5:0.5" → 0, 0.5, …, 5 (inclusive); "0,1,3" → those levels; within <see cref="InputBounds"/>.</summary>
    public static double[] Levels(string spec) => InputBounds.LevelGrid(spec, "--levels");


    public static EditMode Mode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "set" => EditMode.Set,
        "add" => EditMode.Add,
        _ => throw new UsageException($"Mode '{text}' must be set or add."),
    };

    /// <summary>The given audience, else the fans of the neuron's facet (50), else all test users.</summary>
    public static Audience Audience(string? spec, ConceptSession session, int neuron)
    {
        var label = session.Profiles[neuron].Label;
        spec ??= label.Kind == ConceptKind.Facet ? $"facet:{label.Name}:50" : "test";
        return UsageException.From(() => Engine.Interventions.Audience.Parse(spec, session.Dataset, session.Split));
    }

    /// <summary>The facet whose share is measured: the given one, else the neuron's facet label, else the audience's facet.</summary>
    public static int Facet(string? name, ConceptSession session, int neuron, string? audienceSpec)
    {
        var label = session.Profiles[neuron].Label;
        name ??= label.Kind == ConceptKind.Facet ? label.Name
            : audienceSpec?.StartsWith("facet:", StringComparison.OrdinalIgnoreCase) == true ? audienceSpec.Split(':')[1]
            : throw new UsageException($"Neuron {neuron} is labelled '{label.Text}', not a {session.Dataset.FacetKind}: give --facet.");
        return UsageException.From(() => Engine.Interventions.Audience.FacetIndex(session.Dataset, name));
    }
}
