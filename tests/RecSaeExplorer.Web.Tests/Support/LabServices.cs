using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>The labs' services over a run catalog, registered like the app does, in a context that renders interactively.</summary>
internal static class LabServices
{
    /// <param name="guardrail">The guardrail RBO threshold (the app's default when null).</param>
    public static BunitContext WithLabs(this BunitContext ctx, RunCatalog catalog, double? guardrail = null)
    {
        ctx.WithEngine(catalog);
        ctx.Services.AddSingleton(new ConceptCatalog(catalog, NullLogger<ConceptCatalog>.Instance));
        ctx.Services.AddSingleton(new LabService(Options.Create(guardrail is { } g ? new ExplorerOptions { GuardrailRbo = g } : new ExplorerOptions()), NullLogger<LabService>.Instance));
        ctx.Services.AddSingleton(new HeavyLabWorkLimiter(Options.Create(new ExplorerOptions())));
        ctx.Services.AddScoped<HeavyLabWork>();
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    public static void GoTo(this BunitContext ctx, string uri) => ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    public static string Uri(this BunitContext ctx) => ctx.Services.GetRequiredService<NavigationManager>().Uri;

    /// <summary>A promotion step computed straight through the engine, with a context of its own (not the lab's cached one).</summary>
    public static Task<PromotionStep> IndependentStepAsync(ExploredSae sae, string audience, int item, LatentEdit edit) =>
        sae.RunAsync(() =>
        {
            var users = Audience.Parse(audience, sae.Dataset, sae.Split).Users;
            using var context = new InterventionContext(sae.Recommender.Recommender.Model, sae.Sae.Sae, sae.Split.Train, users);
            return Promotion.Step(context, item, edit);
        });

    public static Task<AudienceShift> IndependentShiftAsync(ExploredSae sae, string audience, LatentEdit edit, Func<int, bool> concept) =>
        sae.RunAsync(() =>
        {
            var users = Audience.Parse(audience, sae.Dataset, sae.Split).Users;
            using var context = new InterventionContext(sae.Recommender.Recommender.Model, sae.Sae.Sae, sae.Split.Train, users);
            return UserIntervention.Apply(context, edit, concept);
        });
}
