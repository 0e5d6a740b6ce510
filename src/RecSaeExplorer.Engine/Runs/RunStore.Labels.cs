using LiteDB;

namespace RecSaeExplorer.Engine.Runs;

/// <summary>A name a person gave a neuron of an SAE run, shown instead of its automatic label.</summary>
public sealed record NeuronName(string RunId, int Neuron, string Name, DateTime UpdatedUtc);

public sealed partial class RunStore
{
    private const string NeuronNamesCollection = "neuron_names";

    private ILiteCollection<BsonDocument> NeuronNames => _db.GetCollection(NeuronNamesCollection);

    /// <summary>The names people gave the neurons of <paramref name="runId"/>, by neuron index.</summary>
    public IReadOnlyDictionary<int, NeuronName> NeuronNamesOf(string runId) =>
        Guarded(() => NeuronNames.Find(Query.EQ("runId", runId)).ToList()).Select(NameFromBson).ToDictionary(n => n.Neuron);

    /// <summary>Names neuron <paramref name="neuron"/> of an SAE run; a blank name restores the automatic label.</summary>
    public NeuronName? SetNeuronName(string runId, int neuron, string? name)
    {
        RequireWrite();
        var run = Get(runId);
        if (run.Kind != SaeKind) throw new InvalidOperationException($"Run '{run.Id}' is not an SAE run; only SAE neurons have names.");
        ArgumentOutOfRangeException.ThrowIfNegative(neuron);
        string id = $"{run.Id}/{neuron}";
        name = Validation.InputBounds.Name(name, "The name"); // enforced here, whatever the page's text field allows
        if (name is null)
        {
            Guarded(() => NeuronNames.Delete(id));
            return null;
        }
        var named = new NeuronName(run.Id, neuron, name, DateTime.UtcNow);
        Guarded(() => NeuronNames.Upsert(new BsonDocument
        {
            ["_id"] = id, ["runId"] = named.RunId, ["neuron"] = named.Neuron, ["name"] = named.Name, ["updatedUtc"] = named.UpdatedUtc,
        }));
        return named;
    }

    private void DeleteNeuronNames(string runId) => NeuronNames.DeleteMany(Query.EQ("runId", runId));

    private static NeuronName NameFromBson(BsonDocument doc) => new(doc["runId"].AsString, doc["neuron"].AsInt32, doc["name"].AsString,
        DateTime.SpecifyKind(doc["updatedUtc"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc));
}
