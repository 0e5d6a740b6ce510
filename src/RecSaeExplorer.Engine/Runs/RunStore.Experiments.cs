using LiteDB;
using RecSaeExplorer.Engine.Experiments;

namespace RecSaeExplorer.Engine.Runs;

public sealed partial class RunStore
{
    private const string ExperimentsCollection = "experiments";

    private ILiteCollection<BsonDocument> ExperimentsLog => _db.GetCollection(ExperimentsCollection);

    /// <summary>Appends an experiment to the audit log (kept when its run is deleted: the log is history).</summary>
    public Experiment SaveExperiment(Experiment experiment)
    {
        RequireWrite();
        if (string.IsNullOrWhiteSpace(experiment.Author)) throw new ArgumentException("An experiment needs an author.", nameof(experiment));
        Guarded(() => ExperimentsLog.Insert(ExperimentDocuments.ToBson(experiment)));
        return experiment;
    }

    /// <summary>Saved experiments, newest first; only those of <paramref name="runId"/> when given.</summary>
    public IReadOnlyList<Experiment> Experiments(string? runId = null)
    {
        var docs = Guarded(() => (runId is null ? ExperimentsLog.FindAll() : ExperimentsLog.Find(Query.EQ("runId", runId))).ToList());
        return docs.Select(ExperimentDocuments.FromBson).OrderByDescending(e => e.CreatedUtc).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    public Experiment? FindExperiment(string id) => Guarded(() => ExperimentsLog.FindById(id)) is { } doc ? ExperimentDocuments.FromBson(doc) : null;
}

/// <summary>Explicit document shape of an experiment (readable in any LiteDB viewer).</summary>
internal static class ExperimentDocuments
{
    public static BsonDocument ToBson(Experiment e) => new()
    {
        ["_id"] = e.Id, ["runId"] = e.RunId, ["datasetName"] = e.DatasetName, ["kind"] = e.Kind.ToString(),
        ["itemId"] = Value(e.ItemId), ["itemTitle"] = e.ItemTitle is null ? BsonValue.Null : new BsonValue(e.ItemTitle),
        ["neuron"] = e.Neuron, ["neuronLabel"] = e.NeuronLabel, ["level"] = e.Level, ["mode"] = e.Mode,
        ["audience"] = e.Audience, ["audienceDescription"] = e.AudienceDescription, ["audienceSize"] = e.AudienceSize,
        ["reached"] = Value(e.Reached), ["eligible"] = Value(e.Eligible), ["shareBefore"] = Value(e.ShareBefore), ["shareAfter"] = Value(e.ShareAfter),
        ["summary"] = e.Summary, ["author"] = e.Author, ["note"] = e.Note, ["createdUtc"] = e.CreatedUtc, ["state"] = e.State,
        ["guardrailFlagged"] = Value(e.GuardrailFlagged), ["guardrailThreshold"] = Value(e.GuardrailThreshold),
        ["reachedUnflagged"] = Value(e.ReachedUnflagged), ["eligibleUnflagged"] = Value(e.EligibleUnflagged), ["minimumLevel"] = Value(e.MinimumLevel),
        ["pushedOut"] = e.PushedOut is null ? BsonValue.Null : new BsonArray(e.PushedOut.Select(i => new BsonValue(i))),
        ["link"] = e.Link is null ? BsonValue.Null : new BsonValue(e.Link),
        ["doseCurve"] = e.DoseCurve is null ? BsonValue.Null : new BsonArray(e.DoseCurve.Select(p => new BsonDocument
        {
            ["level"] = p.Level, ["value"] = p.Value, ["unflagged"] = Value(p.Unflagged),
        })),
    };

    public static Experiment FromBson(BsonDocument d) => new()
    {
        Id = d["_id"].AsString, RunId = d["runId"].AsString, DatasetName = d["datasetName"].AsString,
        Kind = Enum.Parse<ExperimentKind>(d["kind"].AsString), ItemId = Int(d["itemId"]), ItemTitle = d["itemTitle"].IsNull ? null : d["itemTitle"].AsString,
        Neuron = d["neuron"].AsInt32, NeuronLabel = d["neuronLabel"].AsString, Level = d["level"].AsDouble, Mode = d["mode"].AsString,
        Audience = d["audience"].AsString, AudienceDescription = d["audienceDescription"].AsString, AudienceSize = d["audienceSize"].AsInt32,
        Reached = Int(d["reached"]), Eligible = Int(d["eligible"]), ShareBefore = Double(d["shareBefore"]), ShareAfter = Double(d["shareAfter"]),
        Summary = d["summary"].AsString, Author = d["author"].AsString, Note = d["note"].AsString,
        CreatedUtc = DateTime.SpecifyKind(d["createdUtc"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc), State = d["state"].AsString,
        // Entries saved before the guardrail fields were recorded lack them: a missing key reads as null.
        GuardrailFlagged = Int(d["guardrailFlagged"]), GuardrailThreshold = Double(d["guardrailThreshold"]),
        ReachedUnflagged = Int(d["reachedUnflagged"]), EligibleUnflagged = Int(d["eligibleUnflagged"]), MinimumLevel = Double(d["minimumLevel"]),
        PushedOut = d["pushedOut"].IsArray ? [.. d["pushedOut"].AsArray.Select(v => v.AsInt32)] : null,
        Link = d["link"].IsNull ? null : d["link"].AsString,
        DoseCurve = d["doseCurve"].IsArray
            ? [.. d["doseCurve"].AsArray.Select(p => new DosePoint(p["level"].AsDouble, p["value"].AsDouble, Double(p["unflagged"])))]
            : null,
    };

    private static BsonValue Value(int? v) => v is { } x ? new BsonValue(x) : BsonValue.Null;
    private static BsonValue Value(double? v) => v is { } x ? new BsonValue(x) : BsonValue.Null;
    private static int? Int(BsonValue v) => v.IsNull ? null : v.AsInt32;
    private static double? Double(BsonValue v) => v.IsNull ? null : v.AsDouble;
}
