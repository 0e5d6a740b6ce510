using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Web.Components.Neurons;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Quality;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Showcase;

/// <summary>
/// The home page's three stories, each deep-linking into a ready state of a stored run: a clean neuron and a
/// suppression on the default dataset, the Bob Dylan promotion on the demo dataset. A story's run is the newest
/// SAE run of its dataset with the default preset (else the newest of any preset); what a run offers is computed
/// once per run from its profiles. Until the run exists, the card shows the first-start job that trains it.
/// </summary>
public sealed class ShowcaseService(ConceptCatalog concepts, RunCatalog runs, TrainingQueue queue, IOptions<ExplorerOptions> options, LabService labs)
{
    /// <summary>The suppression story tries this many of the cleanest neurons and tells the one whose cap moves its fans' lists most.</summary>
    public const int SuppressionCandidates = 6;

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
        card = (key == SuppressionKey ? await SuppressionAsync(lease.Value, ct) : Live(key, lease.Value))
            ?? pending with { Missing = $"Run {run.Id} has no neuron for this story." };
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
        string source = Source(sae);
        var quality = Quality(sae);
        switch (key)
        {
            case CleanNeuronKey when ShowcasePicks.CleanNeuron(sae.Profiles) is { } clean:
                return Pending(key, sae.Dataset.Name) with
                {
                    Story = $"Neuron #{clean.Index} of an SAE on the {sae.Dataset.Name} recommender reads as '{clean.Label.Name}': {clean.PurityAtK(20):0%} of "
                        + $"the 20 items it fires on most are {clean.Label.Name}, and it fires on {clean.ItemFrequency:0.#%} of all items.",
                    Href = Links.Neuron(sae, clean.Index), Detail = $"neuron #{clean.Index} '{clean.Label.Name}' of {source}", Quality = quality,
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

    /// <summary>
    /// Of the cleanest neurons, the one whose deepest cap (the lab's grid end) lowers its facet's share of its 50 fans'
    /// top-30s the most, measured through the lab's own service; the story quotes that measurement.
    /// </summary>
    private async Task<ShowcaseCard?> SuppressionAsync(ExploredSae sae, CancellationToken ct)
    {
        (NeuronProfile Neuron, AudienceShift Shift)? best = null;
        foreach (var neuron in ShowcasePicks.CleanNeurons(sae.Profiles).Take(SuppressionCandidates))
        {
            int facet = Audience.FacetIndex(sae.Dataset, neuron.Label.Name);
            // The audience the story's link opens the lab on, so the quoted shares are the ones the lab shows.
            var audience = await labs.AudienceAsync(sae, Links.FansOf(sae, neuron.Index), ct);
            var deepest = LevelGrid.For(neuron.MaxActivation, EditMode.Cap).Min;
            var shift = await labs.ShiftAsync(sae, audience, LatentEdit.Suppress([neuron.Index], deepest), Audience.InFacet(sae.Dataset, facet), ct);
            if (best is null || shift.RelativeChange < best.Value.Shift.RelativeChange) best = (neuron, shift);
        }
        if (best is not { } pick) return null;
        var (clean, measured) = pick;
        string name = clean.Label.Name;
        return Pending(SuppressionKey, sae.Dataset.Name) with
        {
            Story = $"Cap neuron #{clean.Index} ({name}) in the codes of 50 {name} fans: {name}'s share of their top-30s goes from "
                + $"{measured.ShareBefore:0%} to {measured.ShareAfter:0%} at the slider's end, without retraining.",
            Href = Links.UsersLab(sae, clean.Index, play: true),
            Detail = $"neuron #{clean.Index} '{name}' of {Source(sae)}", Quality = Quality(sae),
        };
    }

    // Which run a story uses, and how well its SAE reproduces the recommender: said the same way on every card.
    private static string Source(ExploredSae sae) => $"{sae.Run.Id} ({sae.Run.Preset}, {sae.Dataset.Name})";

    private static IReadOnlyList<QualityGrade> Quality(ExploredSae sae) => sae.Record.SaeMetrics is { } metrics ? QualityThresholds.Of(metrics) : [];

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
