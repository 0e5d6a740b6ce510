using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Labs;

namespace RecSaeExplorer.Web.Tests.Labs;

/// <summary>
/// A promotion of the tiny run whose reach differs between two levels of the lab's grid, found through the
/// engine with a context of its own, so the lab's numbers can be checked against an independent computation.
/// </summary>
internal sealed record LabCase(ExploredSae Sae, string Audience, int Item, int Neuron, double Low, double High, PromotionStep LowStep, PromotionStep HighStep)
{
    public const string AudienceSpec = "test";

    public int ItemId => Sae.Dataset.Items[Item].Id;

    public string Query(double level, int? user = null) =>
        new LabState { Run = Sae.Run.Id, Item = ItemId, Neuron = Neuron, Level = level, Audience = Audience, User = user }.ToQuery();

    public static Task<LabCase> FindAsync(ExploredSae sae) => sae.RunAsync(() =>
    {
        var users = RecSaeExplorer.Engine.Interventions.Audience.Parse(AudienceSpec, sae.Dataset, sae.Split).Users;
        using var context = new InterventionContext(sae.Recommender.Recommender.Model, sae.Sae.Sae, sae.Split.Train, users);
        foreach (var item in sae.Dataset.Items.OrderByDescending(i => i.Popularity).Skip(100).Take(20))
            for (int k = 0; k < sae.Width; k++)
            {
                var grid = LevelGrid.For(sae.Profiles[k].MaxActivation, EditMode.Set);
                double low = grid.Levels[1], high = grid.Levels[^1];
                var lowStep = Promotion.Step(context, item.Index, new LatentEdit([k], low));
                var highStep = Promotion.Step(context, item.Index, new LatentEdit([k], high));
                if (highStep.Reached > lowStep.Reached) return new LabCase(sae, AudienceSpec, item.Index, k, low, high, lowStep, highStep);
            }
        throw new InvalidOperationException("No promotion of the tiny run reaches more users at a higher level.");
    });
}
