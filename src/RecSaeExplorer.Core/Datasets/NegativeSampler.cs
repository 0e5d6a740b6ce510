namespace RecSaeExplorer.Core.Datasets;

/// <summary>
/// Seeded uniform sampling of items a user has not interacted with, by rejection against the sorted
/// CSR row (cheap while rows are far smaller than the catalogue, as in every dataset here).
/// </summary>
public sealed class NegativeSampler(InteractionMatrix known)
{
    /// <summary>One item <paramref name="user"/> has not interacted with.</summary>
    public int Sample(int user, Random random)
    {
        if (known.CountOf(user) >= known.ItemCount) throw new InvalidOperationException($"User {user} has interacted with every item.");
        while (true)
        {
            int item = random.Next(known.ItemCount);
            if (!known.Contains(user, item)) return item;
        }
    }

    /// <summary>
    /// Training pairs for one epoch: every positive of <paramref name="positives"/> plus
    /// <paramref name="negativesPerPositive"/> fresh negatives, shuffled. Deterministic in (seed, epoch).
    /// </summary>
    public TrainingPairs EpochPairs(InteractionMatrix positives, int negativesPerPositive, int seed, int epoch)
    {
        // Not HashCode.Combine: it is randomized per process, and runs must repeat across processes.
        var random = new Random(unchecked(seed * 1_000_003 + epoch));
        int total = positives.Count * (1 + negativesPerPositive);
        var users = new int[total];
        var items = new int[total];
        var labels = new float[total];
        int k = 0;
        for (int u = 0; u < positives.UserCount; u++)
        {
            foreach (int item in positives.ItemsOf(u))
            {
                users[k] = u; items[k] = item; labels[k] = 1f; k++;
                for (int n = 0; n < negativesPerPositive; n++)
                {
                    users[k] = u; items[k] = Sample(u, random); labels[k] = 0f; k++;
                }
            }
        }
        var order = Enumerable.Range(0, total).ToArray();
        random.Shuffle(order);
        return new TrainingPairs(Permute(users, order), Permute(items, order), Permute(labels, order));
    }

    private static T[] Permute<T>(T[] values, int[] order)
    {
        var result = new T[values.Length];
        for (int i = 0; i < order.Length; i++) result[i] = values[order[i]];
        return result;
    }
}

/// <summary>Parallel arrays of (user, item, label) training examples.</summary>
public sealed record TrainingPairs(int[] Users, int[] Items, float[] Labels)
{
    public int Count => Users.Length;
}
