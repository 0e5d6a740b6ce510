using System.Security.Cryptography;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Engine.Interop;

/// <summary>
/// SHA-256 (lower-case hex) of a run's weights as the store keeps them (TorchSharp's state-dict bytes):
/// an export names the exact recommender it was made on, and an import can tell whether it is bound to it.
/// </summary>
public static class WeightsHash
{
    public static string Of(RunStore store, string runId) => Convert.ToHexString(SHA256.HashData(store.ReadWeights(runId))).ToLowerInvariant();
}
