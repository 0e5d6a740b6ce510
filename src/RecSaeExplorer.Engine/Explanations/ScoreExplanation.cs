namespace RecSaeExplorer.Engine.Explanations;

/// <summary>Whose SAE code a score is attributed over.</summary>
public enum ExplainedSide
{
    /// <summary>The item's code; the user's embedding reads each item neuron.</summary>
    Item,

    /// <summary>The user's code; the item's embedding reads each user neuron.</summary>
    User,
}

/// <summary>The parts of a score that belong to no neuron.</summary>
public enum ScoreTermKind
{
    GlobalBias,
    UserBias,
    ItemBias,

    /// <summary>MF: the decoder (pre-)bias part s·b_pre of the explained vector, read by the other side.</summary>
    DecoderBias,

    /// <summary>MF with standardized inputs: the per-vector mean μ·1 the SAE subtracts and adds back.</summary>
    VectorMean,

    /// <summary>NCF: the score with the explained vector replaced by the decode of an empty code (z = 0).</summary>
    EmptyCode,

    /// <summary>The reconstruction residual e − SAE(e), read by the other side (NCF: its path-integrated share).</summary>
    Residual,

    /// <summary>NCF: what the discretized path integral misses, so the parts still sum to the score.</summary>
    Remainder,
}

/// <summary>One neuron's share of a score: its activation z_k in the explained code and its additive contribution.</summary>
public sealed record NeuronContribution(int Neuron, double Activation, double Contribution);

public sealed record ScoreTerm(ScoreTermKind Kind, double Value);

/// <summary>
/// A user's score (logit) for an item, split into neuron contributions and non-neuron terms that sum to it.
/// <see cref="Exact"/>: MF's decomposition is an identity; NCF's is a linearisation (integrated gradients)
/// whose error is reported as <see cref="ScoreTermKind.Remainder"/>.
/// </summary>
public sealed record ScoreExplanation(int User, int Item, ExplainedSide Side, bool Exact, double Score,
    IReadOnlyList<NeuronContribution> Neurons, IReadOnlyList<ScoreTerm> Terms)
{
    /// <summary>Every part added up; equals <see cref="Score"/> up to float rounding of the model's own logit.</summary>
    public double Sum => Neurons.Sum(n => n.Contribution) + Terms.Sum(t => t.Value);

    public double NeuronTotal => Neurons.Sum(n => n.Contribution);

    public IReadOnlyList<NeuronContribution> TopPositive(int count) =>
        Neurons.Where(n => n.Contribution > 0).OrderByDescending(n => n.Contribution).ThenBy(n => n.Neuron).Take(count).ToList();

    public IReadOnlyList<NeuronContribution> TopNegative(int count) =>
        Neurons.Where(n => n.Contribution < 0).OrderBy(n => n.Contribution).ThenBy(n => n.Neuron).Take(count).ToList();
}
