using System.CommandLine;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Engine.Interventions;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Concepts;

/// <summary><c>recsae neurons &lt;run&gt;</c> and <c>recsae neuron &lt;run&gt; &lt;k&gt;</c>: what every neuron of an SAE run stands for.</summary>
public static class NeuronCommands
{
    public static Command List(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("neurons", "Profile and automatically label every neuron of an SAE run (facets, decades, popularity).");
        var run = RunArgument();
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write one CSV row per neuron to this file." };
        command.Arguments.Add(run);
        command.Options.Add(csv);
        command.SetAction((parse, ct) =>
        {
            var context = contextFor(parse);
            using var session = ConceptSession.Open(context, parse.GetValue(run)!, ct);
            var profiles = session.Profiles;
            if (parse.GetValue(csv) is { } file) NeuronCsv.Write(file.FullName, profiles);
            if (context.Json) context.WriteJson(profiles.Select(session.Report).ToList());
            else ConceptViews.Neurons(context.Console, session, profiles);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    public static Command Detail(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("neuron", "One neuron in detail: its profile, top items and decoder probe (items nearest its decoded direction).");
        var run = RunArgument();
        var neuron = new Argument<string>("neuron") { Description = "Neuron index, or a label (the most confident neuron with it)." };
        var level = new Option<double>("--level") { Description = "Probe code value z_k.", DefaultValueFactory = _ => 2 };
        var top = new Option<int>("--top") { Description = "Items to list.", DefaultValueFactory = _ => 15 };
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write the neuron's CSV row to this file." };
        command.Arguments.Add(run);
        command.Arguments.Add(neuron);
        command.Options.Add(level);
        command.Options.Add(top);
        command.Options.Add(csv);
        command.SetAction((parse, ct) =>
        {
            var context = contextFor(parse);
            using var session = ConceptSession.Open(context, parse.GetValue(run)!, ct);
            int k = ConceptArguments.Neurons(parse.GetValue(neuron)!, session)[0];
            var profile = session.Profiles[k];
            if (parse.GetValue(csv) is { } file) NeuronCsv.Write(file.FullName, [profile]);
            int count = parse.GetValue(top);
            var (items, _) = SaeCodec.Activations(session.Recommender.Model, session.Sae.Sae);
            var topItems = profile.TopItems.Take(count).Select(i => ItemReport.Of(session.Dataset, i, items[i, k])).ToList();
            var probe = DecoderProbe.Probe(session.Recommender.Model, session.Sae.Sae, k, parse.GetValue(level), count)
                .Select(p => ItemReport.Of(session.Dataset, p.Item, p.Cosine)).ToList();
            var report = new NeuronDetailReport(session.Run.Id, session.Report(profile), topItems, parse.GetValue(level), probe);
            if (context.Json) context.WriteJson(report);
            else ConceptViews.Detail(context.Console, report);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    internal static Argument<string> RunArgument() => new("run") { Description = "SAE run id (or a unique prefix); see 'recsae runs list'." };
}
