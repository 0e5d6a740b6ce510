using LiteDB;

namespace RecSaeExplorer.Engine.Runs.Maintenance;

/// <summary>
/// <c>recsae store check</c>: reads every run document and its weights (read-only, also on a damaged
/// file) and sorts them into intact and lost. Weights are checked byte for byte against the size and
/// SHA-256 recorded at save time (runs stored before the checksum was kept are checked by size).
/// </summary>
public static class StoreCheck
{
    public static StoreCheckReport Run(string path)
    {
        using var reader = new TolerantReader(path);
        return Run(reader, keep: null);
    }

    /// <summary>Checks the store; <paramref name="keep"/> receives each intact run's document and weights (for copies).</summary>
    internal static StoreCheckReport Run(TolerantReader reader, Action<BsonDocument, byte[]>? keep)
    {
        var unreadable = new List<string>();
        var (docs, runsError) = reader.ReadAll("runs");
        var (fileIds, filesError) = reader.FileIds();
        if (runsError is not null) unreadable.Add($"run list: {runsError}");
        if (filesError is not null) unreadable.Add($"weights list: {filesError}");

        // Runs whose documents lie past a damaged page are still found through their weights.
        var weightIds = fileIds.Where(f => f.StartsWith("weights/", StringComparison.Ordinal)).Select(f => f["weights/".Length..]).ToList();
        var lost = new List<LostRun>();
        var orphans = new List<string>();
        foreach (string id in weightIds.Where(id => !docs.ContainsKey(id)))
        {
            if (reader.FindById("runs", id) is { } doc) docs[id] = doc;
            else if (runsError is null) orphans.Add(id);
            else lost.Add(new LostRun(id, "its document is unreadable (only its weights were found)"));
        }

        var chunked = filesError is null ? null : reader.FilesFromChunks();
        byte[]? Weights(string id, out string? error)
        {
            var weights = reader.ReadFile(RunStore.WeightsId(id), out error);
            if (weights is not null || chunked is null) return weights;
            if (chunked.TryGetValue(RunStore.WeightsId(id), out var rebuilt) && rebuilt is not null) error = null;
            return rebuilt;
        }

        var candidates = new Dictionary<string, (RunInfo Run, BsonDocument Doc, byte[] Weights)>(StringComparer.Ordinal);
        foreach (var (id, doc) in docs.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            RunInfo run;
            try
            {
                run = RunDocuments.FromBson(doc);
            }
            catch (Exception ex)
            {
                lost.Add(new LostRun(id, $"its document is damaged ({ex.Message})"));
                continue;
            }
            byte[]? weights = Weights(id, out string? error);
            if (weights is null) lost.Add(new LostRun(id, $"its weights cannot be read ({error})"));
            else if (weights.Length != run.WeightsBytes) lost.Add(new LostRun(id, $"its weights are {weights.Length:N0} bytes, {run.WeightsBytes:N0} were stored"));
            else if (run.WeightsSha256 is { } sha && sha != RunStore.Sha256(weights)) lost.Add(new LostRun(id, "its weights differ from those stored (checksum)"));
            else candidates[id] = (run, doc, weights);
        }
        // An SAE is only usable with its recommender.
        foreach (var (id, c) in candidates.ToList())
        {
            if (c.Run.ParentRunId is { } parent && !candidates.ContainsKey(parent))
            {
                candidates.Remove(id);
                lost.Add(new LostRun(id, $"its recommender run '{parent}' is lost"));
            }
        }
        foreach (var c in candidates.Values.OrderBy(c => c.Run.ParentRunId is null ? 0 : 1)) keep?.Invoke(c.Doc, c.Weights);

        var (names, namesError) = reader.ReadAll("neuron_names");
        var (experiments, experimentsError) = reader.ReadAll("experiments");
        if (namesError is not null) unreadable.Add($"neuron names: {namesError}");
        if (experimentsError is not null) unreadable.Add($"experiments: {experimentsError}");
        return new StoreCheckReport
        {
            StorePath = reader.StorePath, SchemaVersion = reader.SchemaVersion, Damage = reader.Damage,
            Intact = candidates.Values.Select(c => c.Run).OrderBy(r => r.Id, StringComparer.Ordinal).ToList(),
            Lost = lost.OrderBy(l => l.Id, StringComparer.Ordinal).ToList(),
            OrphanWeights = orphans, Unreadable = unreadable, NeuronNames = names.Count, Experiments = experiments.Count,
        };
    }
}
