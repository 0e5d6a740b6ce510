namespace RecSaeExplorer.Web.Components.Glossary;

/// <summary>One metric or term the explorer shows: its name as shown, an anchor on the glossary page and a plain definition.</summary>
public sealed record Term(string Key, string Name, string Definition, string? Reading = null)
{
    public string Anchor => $"glossary#{Key}";
}

/// <summary>
/// The single source of every definition: the tooltips (<see cref="TermTip"/>) and the /glossary page both read it,
/// so the two can never disagree.
/// </summary>
public static class Terms
{
    public static readonly Term HitRateSampled = new("hr-sampled", "HR@10 (1+99)",
        "Hit rate under the NCF protocol: each test user's held-out item is ranked among 99 randomly sampled items the user never saw; a hit is a top-10 place.",
        "Easier than full ranking (100 candidates instead of all items), so it is higher; He et al. report about 0.70 on ML-1M.");
    public static readonly Term HitRateFull = new("hr-full", "HR@10 (full)",
        "Hit rate under full ranking: the held-out items are ranked among all items the user has not trained on; a hit is any held-out item in the top 10.",
        "Not comparable with the (1+99) number: a different protocol, so (full) can be higher or lower on another dataset.");
    public static readonly Term Ndcg = new("ndcg", "NDCG@10",
        "Normalized discounted cumulative gain of the top 10: hits near the top count more (gain 1/log2(rank+1)), divided by the best possible.",
        "Between 0 and 1; read it next to HR@10 of the same protocol.");
    public static readonly Term Rbo = new("rbo", "RBO",
        "Rank-biased overlap (p = 0.9) of a user's top-30 from the original embeddings and from the SAE's reconstructions, truncated at depth 30 as in the paper.",
        "Identical lists score 0.958 (not 1); disjoint lists 0. The paper's ML-1M MF runs reach 0.22–0.54.");
    public static readonly Term RboExt = new("rbo-ext", "RBO_ext",
        "Extrapolated rank-biased overlap (Webber et al. 2010): RBO with the unseen tail extrapolated, so identical lists score exactly 1.",
        "Always at least the truncated RBO.");
    public static readonly Term KendallTau = new("kendall-tau", "Kendall τ",
        "Kendall τ-b rank correlation over the union of the two top-30 lists (an item missing from a list gets rank 31).",
        "1 = same order, 0 = unrelated, −1 = reversed.");
    public static readonly Term Monosemanticity = new("ms", "MS (monosemanticity)",
        "Per neuron: the activation-weighted mean cosine similarity (in the recommender's own item embeddings) of its 30 top items; the run's MS is the mean over neurons; dead neurons count 0.",
        "Higher means neurons pick coherent sets of items; the paper reports 0.46–0.68.");
    public static readonly Term Beta = new("beta", "β",
        "Weight of the prediction-aware loss: how much the SAE is trained to keep the recommender's scores (not only the embeddings) unchanged.",
        "Fidelity (RBO, τ) rises with β; monosemanticity peaks near β ≈ 1–2.");
    public static readonly Term L0 = new("l0", "L0",
        "Mean number of active (non-zero) latents per encoded user or item vector.",
        "Lower = sparser codes, easier to read; too low and the reconstruction suffers.");
    public static readonly Term DeadLatents = new("dead", "Dead latents",
        "Latents (neurons) that never fire on any item or user of the dataset.",
        "They waste width; many dead latents suggest too strong a sparsity penalty.");
    public static readonly Term RareLatents = new("rare", "Rare latents",
        "Latents that fire on very few vectors (a tiny share of items and users).",
        "Rare is not wrong (a niche concept), but many rare latents make labels unreliable.");
    public static readonly Term ExplainedVariance = new("explained-variance", "Explained variance",
        "1 − (reconstruction error variance ÷ embedding variance): the share of the embeddings' variance the SAE reconstructs.",
        "1 = perfect; near 0 = the reconstruction barely tracks the embeddings.");
    public static readonly Term Zk = new("zk", "z_k",
        "The activation of neuron k in an SAE code: how strongly the concept the neuron encodes is present in a user or item.",
        "Edits set or add to z_k and decode; the decoder is applied without ReLU, so negative values are allowed.");
    public static readonly Term Confidence = new("confidence", "Confidence",
        "How well a neuron's label is supported: (1 − q) · (share − base rate) ÷ (1 − base rate), where share is the label's share of the neuron's top items and q its false-discovery-adjusted p-value.",
        "1 = every top item carries the label and it is significant; 0 = chance level (or a dead or mixed neuron).");
    public static readonly Term Purity = new("purity", "Purity@K",
        "Share of a neuron's top-K items (K = 10, 20, 50) that carry its labelled genre or tag.",
        "1 = every top item carries the label; near the base rate = the label is noise.");
    public static readonly Term Guardrail = new("guardrail", "Guardrail",
        "Edits are decoded through the SAE, so they are only trustworthy for users whose top-30 the SAE reproduces: a user whose reconstruction RBO is below the threshold (0.5 by default) is flagged.",
        "Reach over flagged users says little about the real recommender; the lab can exclude them.");
    public static readonly Term ResearchCount = new("research-count", "Research count",
        "The paper's code's count of reached users: baseline rank worse than 20 and new rank within 30 (rank > 20 → ≤ 30).",
        "Differs from 'reached', which counts users for whom the item was not in the top-30 at all before and is after.");
    public static readonly Term Reached = new("reached", "Reached",
        "Users for whom the promoted item was not in their top-30 before the edit and is after it.",
        "Out of 'eligible' users: those who neither had it listed nor consumed it.");
    public static readonly Term Eligible = new("eligible", "Eligible",
        "Audience users who could be reached: the item is not already in their top-30 and not one of their training items.");
    public static readonly Term MinimumLevel = new("minimum-level", "Minimum level",
        "The smallest z_k on the lab's level grid at which the promotion reaches half the eligible users.");
    public static readonly Term PushedOut = new("pushed-out", "Pushed out",
        "Items that fell off a user's top-30 to make room for the promoted item (the collateral of a promotion).");

    public static readonly Term Contribution = new("contribution", "Contribution",
        "A neuron's additive share of a user's score (logit) for an item. MF: the item's embedding is written as its neurons' decoder terms z_k·s·W_k plus bias, mean and residual parts; a neuron contributes its term's dot product with the user's embedding (or the other way round when the user's code is explained).",
        "Positive contributions raise the item in this user's list, negative ones lower it; with the non-neuron terms they add up exactly to the score.");
    public static readonly Term DecoderBiasTerm = new("decoder-bias", "Decoder bias term",
        "The part of the score that comes from the SAE's pre-bias b_pre (scaled back to embedding space) rather than from any neuron: what an empty code decodes to, read by the other side.");
    public static readonly Term VectorMean = new("vector-mean", "Per-vector mean",
        "With standardized inputs the SAE subtracts each vector's own mean and adds it back after decoding; this term is that mean, read by the other side.");
    public static readonly Term ReconstructionResidual = new("residual", "Reconstruction residual",
        "The part of an embedding the SAE does not reconstruct (e − SAE(e)); its share of the score belongs to no neuron.",
        "A large residual means the neurons explain this score only in part.");
    public static readonly Term Remainder = new("remainder", "Remainder",
        "NCF scores are not linear in the embeddings, so neuron contributions come from integrated gradients (the mean gradient along the path from the empty-code decode to the embedding); the remainder is what that approximation misses, so the parts still add up to the score.",
        "Small next to the contributions when the approximation is good.");
    public static readonly Term ScoreGap = new("score-gap", "Score gap",
        "How far an item's score is below the 30th item of the user's list: how much its logit must rise to enter the top-30.");
    public static readonly Term WhyNotLevel = new("why-not-level", "Level to enter",
        "The smallest promotion level (z_k set in the item's code, as in the promotion lab, on the lab's level grid) of a single neuron that puts the item into this user's top-30; the neuron needing the smallest level is shown.");
    public static readonly Term FiringShare = new("firing-share", "Firing share",
        "The share of items whose code has a nonzero activation on the neuron (the density of Neuronpedia's plots).",
        "Near 0: a niche or dead neuron; near 1: a broad one that fires on almost everything.");
    public static readonly Term DecoderCosine = new("decoder-cosine", "Decoder cosine",
        "Cosine similarity of two neurons' decoder directions (columns of the SAE's decoder).",
        "Near 1: the two write almost the same direction (duplicates, or a concept and a finer split of it).");
    public static readonly Term PushedDown = new("pushed-down", "Pushed down",
        "Items whose embeddings point most against a neuron's decoder direction (most negative cosine): switching the neuron on in a user's code lowers them.");

    public static IReadOnlyList<Term> All { get; } =
    [
        HitRateSampled, HitRateFull, Ndcg, Rbo, RboExt, KendallTau, Monosemanticity, Beta, L0, DeadLatents, RareLatents,
        ExplainedVariance, Zk, Confidence, Purity, Guardrail, ResearchCount, Reached, Eligible, MinimumLevel, PushedOut,
        Contribution, DecoderBiasTerm, VectorMean, ReconstructionResidual, Remainder, ScoreGap, WhyNotLevel, FiringShare, DecoderCosine, PushedDown,
    ];
}
