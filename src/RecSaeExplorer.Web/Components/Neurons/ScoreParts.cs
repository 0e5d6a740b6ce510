using RecSaeExplorer.Engine.Explanations;
using RecSaeExplorer.Web.Components.Glossary;
using RecSaeExplorer.Web.Concepts;

namespace RecSaeExplorer.Web.Components.Neurons;

/// <summary>One row of a score explanation: a neuron (with its activation), the other neurons together, or a non-neuron term.</summary>
public sealed record ScorePart(string Kind, string Label, double Value, int? Neuron = null, double? Activation = null, Term? Term = null);

/// <summary>
/// The rows the "why this recommendation" card draws: the strongest positive and negative neurons, the rest of the
/// active neurons as one row, then every non-neuron term. The rows always add up to the explanation's sum.
/// </summary>
public static class ScoreParts
{
    public static IReadOnlyList<ScorePart> Of(ExploredSae sae, ScoreExplanation why, int perSign = 6)
    {
        var up = why.TopPositive(perSign);
        var down = why.TopNegative(perSign);
        var shown = up.Concat(down).Select(n => n.Neuron).ToHashSet();
        var rest = why.Neurons.Where(n => !shown.Contains(n.Neuron)).ToList();
        var rows = up.Select(n => Neuron(sae, "up", n)).Concat(down.Select(n => Neuron(sae, "down", n))).ToList();
        if (rest.Count > 0) rows.Add(new ScorePart("other", $"{rest.Count} other active neurons", rest.Sum(n => n.Contribution)));
        rows.AddRange(why.Terms.Select(Term));
        return rows;
    }

    private static ScorePart Neuron(ExploredSae sae, string kind, NeuronContribution n) =>
        new(kind, sae.Caption(n.Neuron), n.Contribution, n.Neuron, n.Activation, Terms.Contribution);

    private static ScorePart Term(ScoreTerm term) => term.Kind switch
    {
        ScoreTermKind.GlobalBias => new("term", "Global bias", term.Value),
        ScoreTermKind.UserBias => new("term", "User bias", term.Value),
        ScoreTermKind.ItemBias => new("term", "Item bias", term.Value),
        ScoreTermKind.DecoderBias => new("term", "Decoder bias", term.Value, Term: Terms.DecoderBiasTerm),
        ScoreTermKind.VectorMean => new("term", "Per-vector mean", term.Value, Term: Terms.VectorMean),
        ScoreTermKind.EmptyCode => new("term", "Empty code (decoder bias)", term.Value, Term: Terms.DecoderBiasTerm),
        ScoreTermKind.Residual => new("term", "Reconstruction residual", term.Value, Term: Terms.ReconstructionResidual),
        _ => new("term", "Remainder (approximation)", term.Value, Term: Terms.Remainder),
    };
}
