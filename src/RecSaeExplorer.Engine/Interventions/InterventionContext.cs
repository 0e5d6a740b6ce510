using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Interpretability;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Torch;
using static TorchSharp.torch;
using RecSaeExplorer.Engine.Recommenders.Ranking;

namespace RecSaeExplorer.Engine.Interventions;

/// <summary>
/// An audience with its baseline, computed once: each user's top-<see cref="Depth"/> list with scores
/// (training positives excluded) and the embeddings an intervention needs. A promotion step then scores
/// one edited item against the audience (one [n, d] × [d] product for MF, one NCF forward over n pairs)
/// and compares with each user's cached cut-off; a user's new list is an insertion into the cached one.
/// </summary>
public sealed class InterventionContext : IDisposable
{
    private readonly Tensor _users;       // [n, d]
    private readonly Tensor _userIndex;   // [n]
    private readonly Tensor _items;       // [I, d]
    private readonly Tensor _itemIndex;   // [I]

    public InterventionContext(IRecommender recommender, SparseAutoencoder sae, InteractionMatrix train, IReadOnlyList<int> users,
        int depth = 30, bool keepResidual = true, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        Recommender = recommender;
        Sae = sae;
        Train = train;
        Users = users.ToArray();
        Depth = depth;
        KeepResidual = keepResidual;
        using (var scope = NewDisposeScope())
        {
            _userIndex = TorchRuntime.Indices(Users, recommender.Device).MoveToOuterDisposeScope();
            _users = recommender.UserEmbeddings(_userIndex).detach().MoveToOuterDisposeScope();
            _items = recommender.ItemEmbeddings().detach().MoveToOuterDisposeScope();
            _itemIndex = TorchRuntime.Range(0, recommender.ItemCount, recommender.Device).MoveToOuterDisposeScope();
        }
        // One spare item per list: when an edited item falls out of a list, the next one moves up exactly.
        Extended = Scoring.TopLists(recommender, _users, Users, new(_items, _itemIndex), train, depth + 1, ct);
        Baseline = Extended.Select(l => l.Items.Length <= depth ? l : new TopList(l.Items[..depth], l.Scores[..depth])).ToArray();
    }

    public IRecommender Recommender { get; }
    public SparseAutoencoder Sae { get; }
    public InteractionMatrix Train { get; }

    /// <summary>Audience user indices; position p in every per-user array is user Users[p].</summary>
    public int[] Users { get; }

    public int Depth { get; }

    /// <summary>Whether edits keep the SAE's reconstruction error (see <see cref="CodeEdits.Edit"/>).</summary>
    public bool KeepResidual { get; }

    /// <summary>Each user's top-<see cref="Depth"/> list under the original embeddings.</summary>
    public IReadOnlyList<TopList> Baseline { get; }

    /// <summary>The baseline lists with one more item (depth + 1), for exact insertions.</summary>
    public IReadOnlyList<TopList> Extended { get; }

    /// <summary>Logits of one item embedding [1, d] (standing for item <paramref name="item"/>) for every audience user.</summary>
    public float[] ScoreItem(int item, Tensor itemEmbedding)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var index = TorchRuntime.Indices([item], Recommender.Device);
        var logits = Recommender.BlockLogitsFrom(new(_users, _userIndex), new(itemEmbedding, index));
        return logits.view(-1).cpu().data<float>().ToArray();
    }

    /// <summary>Logits of every item (unedited) for the audience user at <paramref name="position"/>.</summary>
    public float[] ScoreItems(int position = 0)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var logits = Recommender.BlockLogitsFrom(new(_users.narrow(0, position, 1), _userIndex.narrow(0, position, 1)), new(_items, _itemIndex));
        return logits.view(-1).cpu().data<float>().ToArray();
    }

    /// <summary>The item's edited embedding [1, d] (caller disposes).</summary>
    public Tensor EditItem(int item, LatentEdit edit)
    {
        using var scope = NewDisposeScope();
        return CodeEdits.Edit(Sae, _items.narrow(0, item, 1), edit, KeepResidual).MoveToOuterDisposeScope();
    }

    /// <summary>All item embeddings [I, d] (owned by the context).</summary>
    public Tensor ItemEmbeddings => _items;

    /// <summary>Full re-ranks of every audience user with the edit applied to the user codes, the item codes, or both.</summary>
    public TopList[] Rerank(LatentEdit edit, EditTarget target = EditTarget.Users, CancellationToken ct = default)
    {
        using var scope = NewDisposeScope();
        var users = target.HasFlag(EditTarget.Users) ? CodeEdits.Edit(Sae, _users, edit, KeepResidual) : _users;
        var items = target.HasFlag(EditTarget.Items) ? CodeEdits.Edit(Sae, _items, edit, KeepResidual) : _items;
        return Scoring.TopLists(Recommender, users, Users, new(items, _itemIndex), Train, Depth, ct);
    }

    /// <summary>
    /// The fidelity guardrail: for each audience user, how well the SAE's reconstruction (users and items
    /// decoded from their own codes) agrees with the baseline top list. An edit decoded through a poor
    /// reconstruction says little about the real recommender, so a UI flags users with a low RBO.
    /// </summary>
    public ListAgreement[] ReconstructionAgreement(double p = RankBiasedOverlap.DefaultP, CancellationToken ct = default)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var users = Sae.forward(_users);
        var items = Sae.forward(_items);
        var lists = Scoring.TopLists(Recommender, users, Users, new(items, _itemIndex), Train, Depth, ct);
        return lists.Select((list, r) => ListAgreement.Of(Baseline[r].Items, list.Items, p, Depth)).ToArray();
    }

    public void Dispose()
    {
        _users.Dispose();
        _userIndex.Dispose();
        _items.Dispose();
        _itemIndex.Dispose();
    }
}
