using System.Security.Cryptography;

namespace RecSaeExplorer.Core.Datasets;

/// <summary>
/// One in-memory model for every dataset: users, items with multi-label facets, and binarized
/// interactions. Indices are dense (0..n-1) and stable for a given set of input files.
/// </summary>
public sealed class Dataset
{
    private readonly Lazy<string> _fingerprint;

    public Dataset(string name, string facetKind, IReadOnlyList<string> facetNames,
        IReadOnlyList<UserInfo> users, IReadOnlyList<ItemInfo> items, InteractionMatrix interactions,
        int? listedItemCount = null)
    {
        if (interactions.UserCount != users.Count) throw new ArgumentException("One interaction row per user is required.", nameof(interactions));
        if (interactions.ItemCount != items.Count) throw new ArgumentException("One interaction column per item is required.", nameof(interactions));
        Name = name;
        FacetKind = facetKind;
        FacetNames = facetNames;
        Users = users;
        Items = items;
        Interactions = interactions;
        ListedItemCount = listedItemCount ?? items.Count;
        _fingerprint = new Lazy<string>(ComputeFingerprint);
    }

    /// <summary>Catalog name, e.g. "ml-1m".</summary>
    public string Name { get; }

    /// <summary>What facets are: "genre" for movies, "tag" for artists.</summary>
    public string FacetKind { get; }

    public IReadOnlyList<string> FacetNames { get; }
    public IReadOnlyList<UserInfo> Users { get; }
    public IReadOnlyList<ItemInfo> Items { get; }
    public InteractionMatrix Interactions { get; }

    /// <summary>Items the catalogue file lists, including those nobody interacted with (which are dropped).</summary>
    public int ListedItemCount { get; }

    /// <summary>
    /// SHA-256 (hex, first 16 bytes) of the users, items and interactions as the engine sees them;
    /// a saved model only fits the dataset with the same fingerprint.
    /// </summary>
    public string Fingerprint => _fingerprint.Value;

    private string ComputeFingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[4]; // an array, not stackalloc: the local function below captures it
        void Add(int value)
        {
            BitConverter.TryWriteBytes(buffer, value);
            hash.AppendData(buffer);
        }
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Name));
        Add(Users.Count);
        foreach (var user in Users) Add(user.Id);
        Add(Items.Count);
        foreach (var item in Items) Add(item.Id);
        foreach (int start in Interactions.RowStart) Add(start);
        foreach (int item in Interactions.ItemIndices) Add(item);
        return Convert.ToHexString(hash.GetHashAndReset(), 0, 16).ToLowerInvariant();
    }
}
