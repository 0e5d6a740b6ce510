using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Engine.Recommenders.Training;

/// <summary>
/// Hands out each epoch's (user, item, label) pairs in order, sampling epoch e + 1 on a worker while
/// epoch e trains. The pairs only depend on (seed, epoch), so prefetching changes no numbers.
/// </summary>
internal sealed class EpochPairPrefetcher : IDisposable
{
    private readonly NegativeSampler _sampler;
    private readonly InteractionMatrix _positives;
    private readonly int _negatives;
    private readonly int _seed;
    private readonly int _epochs;
    private readonly CancellationTokenSource _stop = new();
    private Task<TrainingPairs>? _next;
    private int _nextEpoch;

    public EpochPairPrefetcher(InteractionMatrix positives, int negativesPerPositive, int seed, int epochs)
    {
        _sampler = new NegativeSampler(positives);
        _positives = positives;
        _negatives = negativesPerPositive;
        _seed = seed;
        _epochs = epochs;
        Schedule(0);
    }

    /// <summary>The pairs of <paramref name="epoch"/>; epochs must be taken in order 0, 1, 2, ...</summary>
    public TrainingPairs Take(int epoch, CancellationToken ct)
    {
        if (epoch != _nextEpoch || _next is null) throw new InvalidOperationException($"Epoch {epoch} asked for out of order.");
        var pairs = _next.WaitAsync(ct).GetAwaiter().GetResult();
        Schedule(epoch + 1);
        return pairs;
    }

    private void Schedule(int epoch)
    {
        _nextEpoch = epoch;
        var token = _stop.Token;
        _next = epoch < _epochs
            ? Task.Run(() => _sampler.EpochPairs(_positives, _negatives, _seed, epoch), token)
            : null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
