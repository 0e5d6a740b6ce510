using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Quality;

namespace RecSaeExplorer.Web.Showcase;

/// <summary>
/// One story on the home page. Live when its run is stored (<see cref="Href"/> deep-links into the ready state);
/// otherwise <see cref="Training"/> is the job that will make it live, or <see cref="Missing"/> says what to do.
/// </summary>
public sealed record ShowcaseCard(string Key, string Title, string Story)
{
    public string? Href { get; init; }

    /// <summary>What the link opens, e.g. "neuron #12 'Horror' of sae-… (compact, ml-latest-small)".</summary>
    public string? Detail { get; init; }

    /// <summary>The SAE run's fidelity grades, so a weak run says so on the card too.</summary>
    public IReadOnlyList<QualityGrade> Quality { get; init; } = [];

    public TrainingJob? Training { get; init; }
    public string? Missing { get; init; }

    public bool IsLive => Href is not null;
}
