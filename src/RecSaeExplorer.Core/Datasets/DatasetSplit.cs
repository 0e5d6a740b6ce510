namespace RecSaeExplorer.Core.Datasets;

/// <summary>
/// The seeded split of METHOD.md §1: every user keeps <c>heldOutPerUser</c> random positives out of
/// training, and a random share of users are test users (the SAE never trains on them).
/// </summary>
public sealed class DatasetSplit
{
    private readonly int[][] _heldOut;
    private readonly bool[] _isTestUser;

    private DatasetSplit(int seed, InteractionMatrix train, int[][] heldOut, bool[] isTestUser)
    {
        Seed = seed;
        Train = train;
        _heldOut = heldOut;
        _isTestUser = isTestUser;
        TestUsers = Enumerable.Range(0, isTestUser.Length).Where(u => isTestUser[u]).ToArray();
        TrainUsers = Enumerable.Range(0, isTestUser.Length).Where(u => !isTestUser[u]).ToArray();
    }

    public int Seed { get; }

    /// <summary>Training positives (all interactions less the held-out ones).</summary>
    public InteractionMatrix Train { get; }

    /// <summary>Users the SAE never sees, ascending.</summary>
    public IReadOnlyList<int> TestUsers { get; }

    /// <summary>Users the SAE trains on, ascending.</summary>
    public IReadOnlyList<int> TrainUsers { get; }

    /// <summary>The held-out positives of <paramref name="user"/>, ascending.</summary>
    public ReadOnlySpan<int> HeldOutOf(int user) => _heldOut[user];

    public bool IsTestUser(int user) => _isTestUser[user];

    /// <summary>
    /// Splits deterministically for a seed. A user with too few interactions keeps at least one for
    /// training, so holds out fewer.
    /// </summary>
    public static DatasetSplit Create(Dataset dataset, int seed, int heldOutPerUser = 5, double testUserFraction = 0.2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(heldOutPerUser);
        if (testUserFraction is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(testUserFraction));
        var all = dataset.Interactions;
        var random = new Random(seed);
        var heldOut = new int[all.UserCount][];
        var trainRows = new int[all.UserCount][];
        for (int u = 0; u < all.UserCount; u++)
        {
            int[] items = all.ItemsOf(u).ToArray();
            random.Shuffle(items);
            int take = Math.Min(heldOutPerUser, Math.Max(0, items.Length - 1));
            heldOut[u] = items[..take];
            trainRows[u] = items[take..];
            Array.Sort(heldOut[u]);
            Array.Sort(trainRows[u]);
        }

        int[] users = Enumerable.Range(0, all.UserCount).ToArray();
        random.Shuffle(users);
        var isTest = new bool[all.UserCount];
        int testCount = (int)Math.Round(testUserFraction * all.UserCount);
        foreach (int u in users.AsSpan(0, testCount)) isTest[u] = true;

        return new DatasetSplit(seed, FromSortedRows(all.ItemCount, trainRows), heldOut, isTest);
    }

    private static InteractionMatrix FromSortedRows(int itemCount, int[][] rows)
    {
        var rowStart = new int[rows.Length + 1];
        for (int u = 0; u < rows.Length; u++) rowStart[u + 1] = rowStart[u] + rows[u].Length;
        var items = new int[rowStart[^1]];
        for (int u = 0; u < rows.Length; u++) rows[u].CopyTo(items, rowStart[u]);
        return new InteractionMatrix(rows.Length, itemCount, rowStart, items);
    }
}
