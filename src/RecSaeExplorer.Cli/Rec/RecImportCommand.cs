using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Cli.Sae;
using RecSaeExplorer.Engine.Interop;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Rec;

/// <summary><c>recsae rec import</c>: a recommender trained elsewhere (PyTorch state dict or safetensors) stored as a run.</summary>
internal static class RecImportCommand
{
    public static Command Build(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("import", "Load an MF or NCF state dict (.pth/.pt/.bin or .safetensors) trained elsewhere on --dataset, check its shapes, evaluate it and store it as a run.");
        var model = new Option<string>("--model") { Description = "mf or ncf.", Required = true };
        var from = new Option<FileInfo>("--from") { Description = "The state dict file.", Required = true };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Parameter-name mapping (JSON; default: docs/interop/research-mapping.json, built in)." };
        var splitSeed = new Option<int>("--split-seed") { Description = "Seed of the split it is evaluated on (and SAEs train on).", DefaultValueFactory = _ => 42 };
        command.Options.Add(model);
        command.Options.Add(from);
        command.Options.Add(mapping);
        command.Options.Add(splitSeed);
        command.SetAction((parse, ct) =>
        {
            var context = contextFor(parse);
            var kind = SaeCommands.Parse(parse.GetValue(model)!);
            var dataset = context.LoadDataset(ct);
            using var store = new Engine.Runs.RunStore(context.StorePath);
            var map = parse.GetValue(mapping) is { } file ? ParameterMapping.Load(file.FullName) : null;
            var imported = RecommenderExchange.Import(store, kind, parse.GetValue(from)!.FullName, dataset, parse.GetValue(splitSeed), map, ct);
            if (context.Json)
            {
                context.WriteJson(new RecImportReport(imported.Run.Id, imported.Run.Model, dataset.Name, imported.Run.SplitSeed, imported.Sources, imported.Metrics));
                return Task.FromResult(ExitCodes.Ok);
            }
            MetricsView.Write(context.Console, imported.Metrics, $"{imported.Run.Id} (imported) on {dataset.Name}");
            foreach (var (target, source) in imported.Sources) context.Console.MarkupLine($"  {Markup.Escape(target)} [grey]<-[/] {Markup.Escape(source)}");
            context.Console.MarkupLine($"stored as run [green]{imported.Run.Id}[/]");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}

/// <summary>The JSON shape of <c>rec import</c>: the new run, which file tensor became each parameter, and the metrics.</summary>
public sealed record RecImportReport(string RunId, string Model, string Dataset, int SplitSeed, IReadOnlyDictionary<string, string> Sources,
    Engine.Recommenders.Evaluation.RecommenderMetrics Metrics);
