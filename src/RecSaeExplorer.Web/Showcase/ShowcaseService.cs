using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Components.Neurons;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Quality;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Showcase;

/// <summary>
/// The home page's three stories, each deep-linking into a ready state of a stored run: a clean neuron and a
/// suppression on the default dataset, the Bob Dylan promotion on the demo dataset. A story's run is the newest
/// SAE run of its dataset with the default preset (else the newest of any preset); what a run offers is computed
/// once per run from its profiles. Until the run exists, the card shows the first-start job that trains it.
/// </summary>
public sealed class ShowcaseService(ConceptCatalog concepts, RunCatalog runs, TrainingQueue queue, IOptions<ExplorerOptions> options)
{
    public const string CleanNeuronKey = "clean-neuron";
    public const string PromotionKey = "promotion";
    public const string SuppressionKey = "suppression";

    /// <summary>The paper's headline case: an artist far from hip-hop, promoted to hip-hop fans.</summary>
    public const string PromotedArtist = "Bob Dylan";

    /// <summary>The audience's facet first; the others are names the same concept goes by among Last.FM tags.</summary>
    public static readonly IReadOnlyList<string> PromotionFacets = ["hip-hop", "hip hop", "rap"];

    private readonly ConcurrentDictionary<(string Run, string Key), ShowcaseCard> _live = new();

    /// <summary>The three cards in reading order; opening a story's run may take a second the first time.</summary>
    public async Task<IReadOnlyList<ShowcaseCard>> CardsAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        return
        [
            await CardAsync(CleanNeuronKey, settings.Dataset, ct),
            await CardAsync(PromotionKey, settings.DemoDataset, ct),
            await CardAsync(SuppressionKey, settings.Dataset, ct),
        ];
    }

    private async Task<ShowcaseCard> CardAsync(string key, string dataset, CancellationToken ct)
    {
        var pending = Pending(key, dataset);
        if (string.IsNullOrWhiteSpace(dataset)) return pending with { Missing = "No demo dataset is configured (Explorer:DemoDataset)." };
        if (RunOf(dataset) is not { } run)
            return pending with
            {
                Training = queue.Jobs.Where(j => j.Request.IsDefaultRun && !j.IsFinished && DatasetOf(j.Request) == dataset).LastOrDefault(),
                Missing = $"No SAE run of {dataset} is stored yet: train one on the Runs page.",
            };
        if (_live.TryGetValue((run.Id, key), out var card)) return card;
        using var lease = await concepts.LeaseAsync(run.Id, ct);
        card = Live(key, lease.Value) ?? pending with { Missing = $"Run {run.Id} has no neuron for this story." };
        return _live.GetOrAdd((run.Id, key), card);
    }

    /// <summary>The newest SAE run of the dataset with the default preset, else the newest of any preset.</summary>
    private RunInfo? RunOf(string dataset)
    {
        var ofDataset = runs.List(RunStore.SaeKind).Where(r => string.Equals(r.DatasetName, dataset, StringComparison.OrdinalIgnoreCase)).ToList();
        return ofDataset.FirstOrDefault(r => string.Equals(r.Preset, options.Value.DefaultSaePreset, StringComparison.OrdinalIgnoreCase))
            ?? ofDataset.FirstOrDefault();
    }

    private static ShowcaseCard? Live(string key, ExploredSae sae)
    {
        string source = $"{sae.Run.Id} ({sae.Run.Preset}, {sae.Dataset.Name})";
        var quality = sae.Record.SaeMetrics is { } metrics ? QualityThresholds.Of(metrics) : [];
        switch (key)
        {
            case CleanNeuronKey when ShowcasePicks.CleanNeuron(sae.Profiles) is { } clean:
                return Pending(key, sae.Dataset.Name) with
                {
                    Story = $"Neuron #{clean.Index} of an SAE on the {sae.Dataset.Name} recommender fires on {clean.Label.Name} {sae.Dataset.FacetKind}s: "
                        + $"{clean.PurityAtK(20):P0} of its top 20 items carry it, and it fires on {clean.ItemFrequency:P0} of all items.",
                    Href = Links.Neuron(sae, clean.Index), Detail = $"neuron #{clean.Index} '{clean.Label.Name}' of {source}", Quality = quality,
                };
            case SuppressionKey when ShowcasePicks.CleanNeuron(sae.Profiles) is { } clean:
                return Pending(key, sae.Dataset.Name) with
                {
                    Story = $"Cap neuron #{clean.Index} ({clean.Label.Name}) in the codes of 50 {clean.Label.Name} fans and watch {clean.Label.Name}'s share "
                        + "of their top-30 fall as the slider goes down: the recommender retuned without retraining.",
                    Href = Links.UsersLab(sae, clean.Index, play: true), Detail = $"neuron #{clean.Index} '{clean.Label.Name}' of {source}", Quality = quality,
                };
            case PromotionKey:
                var artist = sae.Dataset.Items.FirstOrDefault(i => string.Equals(i.Title, PromotedArtist, StringComparison.OrdinalIgnoreCase));
                int facet = ShowcasePicks.FirstFacet(sae.Dataset, PromotionFacets);
                if (artist is null || facet < 0 || ShowcasePicks.NeuronFor(sae.Profiles, sae.Dataset, PromotionFacets) is not { } neuron) return null;
                string fans = sae.Dataset.FacetNames[facet];
                return Pending(key, sae.Dataset.Name) with
                {
                    Story = $"Raise neuron #{neuron.Index} ({neuron.Label.Name}) in {PromotedArtist}'s code and watch him enter the top-30 of 50 {fans} fans, "
                        + "with the guardrail counting the users the SAE cannot speak for.",
                    Href = Links.Promote(sae, artist.Id, neuron.Index, $"facet:{fans}:50", play: true),
                    Detail = $"{PromotedArtist} × neuron #{neuron.Index} '{neuron.Label.Name}' of {source}", Quality = quality,
                };
            default:
                return null;
        }
    }

    private static ShowcaseCard Pending(string key, string dataset) => key switch
    {
        CleanNeuronKey => new(key, "A neuron that means something", $"One neuron of an SAE on the {dataset} recommender, read from the items it fires on."),
        PromotionKey => new(key, $"Promote {PromotedArtist} to hip-hop fans",
            $"The paper's headline case on {(string.IsNullOrWhiteSpace(dataset) ? "Last.FM" : dataset)}: edit one neuron in one artist's code and re-rank for an audience."),
        _ => new(key, "Turn a concept down", $"Suppress one neuron in an audience's codes on {dataset} and watch its concept leave their top-30."),
    };

    private static string? DatasetOf(TrainingRequest request) => request switch
    {
        RecommenderTrainingRequest r => r.Dataset,
        SaeTrainingRequest s => s.Dataset,
        _ => null,
    };
}
