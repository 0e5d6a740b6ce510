using System.Globalization;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Datasets.Loaders;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Evaluation;
using RecSaeExplorer.Engine.Recommenders.Training;

namespace RecSaeExplorer.Benchmarks;

/// <summary>
/// Trains and evaluates every model × preset × seed on ML-1M (../shared/data/ml-1m) and Last.FM and
/// prints one Markdown row per run: NCF-protocol and full-ranking HR@10 / NDCG@10, epoch and total
/// times. Run: <c>dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- recommenders [seeds=1,2,3] [datasets=ml-1m,lastfm]</c>.
/// Paper presets run with the first seed only. Split seed 1 throughout.
/// </summary>
internal static class RecommenderMeasurements
{
    public const string Command = "recommenders";

    public static void Run(string[] args)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        int[] seeds = options.GetValueOrDefault("seeds", "1,2,3").Split(',').Select(int.Parse).ToArray();
        string[] datasets = options.GetValueOrDefault("datasets", "ml-1m,lastfm").Split(',');
        Console.WriteLine("| dataset | model | preset | seed | NCF HR@10 | NCF NDCG@10 | full HR@10 | full NDCG@10 | coverage@10 | median epoch s | total train s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (string name in datasets)
        {
            var dataset = Load(name);
            var split = DatasetSplit.Create(dataset, seed: 1);
            foreach (string preset in RecommenderPresets.Names)
                foreach (var model in new[] { RecommenderModel.Mf, RecommenderModel.Ncf })
                    foreach (int seed in preset == RecommenderPresets.Paper ? seeds[..1] : seeds)
                        Console.WriteLine(Row(dataset, split, RecommenderPresets.Get(preset, model, dataset.Name) with { Seed = seed }));
        }
    }

    private static string Row(Dataset dataset, DatasetSplit split, RecommenderConfig config)
    {
        using var trained = RecommenderTrainer.Train(dataset, split, config);
        var m = RecommenderEvaluator.Evaluate(trained.Model, dataset, split);
        double median = trained.EpochSeconds.Order().ElementAt(trained.EpochSeconds.Count / 2);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {dataset.Name} | {config.Model.Name()} | {config.Preset} | {config.Seed} | {m.SampledAt(10)!.HitRate:F4} | {m.SampledAt(10)!.Ndcg:F4} | " +
            $"{m.FullAt(10)!.HitRate:F4} | {m.FullAt(10)!.Ndcg:F4} | {m.CoverageAt(10)!.CatalogCoverage:F3} | {median:F2} | {trained.TotalSeconds:F1} |");
    }

    private static Dataset Load(string name) => name switch
    {
        MovieLens1MLoader.DatasetName => new MovieLens1MLoader().Load(TestPaths.SharedMl1m
            ?? throw new InvalidOperationException("../shared/data/ml-1m is not beside this checkout.")),
        LastFmLoader.DatasetName => new LastFmLoader().Load(TestPaths.LastFm),
        _ => new MovieLensLatestSmallLoader().Load(TestPaths.MovieLensSmall),
    };
}
