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
        var byPrefix = new Option<bool>("--by-prefix")
        {
            Description = "Instead, summarize concept breadth per block of latents: the run's Matryoshka prefixes, or --groups.",
        };
        var groups = new Option<string?>("--groups") { Description = "Block ends for --by-prefix, e.g. 16,32,64." };
        command.Arguments.Add(run);
        command.Options.Add(csv);
        command.Options.Add(byPrefix);
        command.Options.Add(groups);
        command.SetAction((parse, ct) =>
        {
            var context = contextFor(parse);
            using var session = ConceptSession.Open(context, parse.GetValue(run)!, ct);
            var profiles = session.Profiles;
            if (parse.GetValue(byPrefix) || parse.GetValue(groups) is not null)
            {
                var summary = PrefixBreadth.Of(profiles, PrefixEnds(parse.GetValue(groups), session));
                if (context.Json) context.WriteJson(summary);
                else ConceptViews.Prefixes(context.Console, session, summary);
                return Task.FromResult(ExitCodes.Ok);
            }
            if (parse.GetValue(csv) is { } file) NeuronCsv.Write(file.FullName, profiles);
            if (context.Json) context.WriteJson(profiles.Select(session.Report).ToList());
            else ConceptViews.Neurons(context.Console, session, profiles);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static IReadOnlyList<int> PrefixEnds(string? groups, ConceptSession session)
    {
        if (groups is null)
        {
            var prefixes = session.Sae.Config.Architecture.MatryoshkaPrefixes;
            return prefixes.Count > 0 ? prefixes : throw new UsageException($"Run '{session.Run.Id}' is not a Matryoshka SAE: give --groups, e.g. --groups 16,32,64.");
        }
        try
        {
            var ends = groups.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(g => int.Parse(g, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (ends.Count == 0 || ends[0] <= 0 || ends[^1] > session.Sae.Sae.Width || ends.Zip(ends.Skip(1)).Any(t => t.First >= t.Second))
                throw new FormatException();
            return ends;
        }
        catch (FormatException)
        {
            throw new UsageException($"--groups must be increasing block ends within 1..{session.Sae.Sae.Width}, e.g. 16,32,64; got '{groups}'.");
        }
    }

    public static Command Detail(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("neuron", "One neuron in detail: its profile, top items and decoder probe (items nearest its decoded direction).");
        var run = RunArgument();
        var neuron = new Argument<string>("neuron") { Description = "Neuron index, or a label (the most confident neuron with it)." };
        var level = new Option<double>("--level") { Description = "Probe code value z_k.", DefaultValueFactory = _ => 2 };
        var top = new Option<int>("--top") { Description = "Items to list.", DefaultValueFactory = _ => 15 }
            .Bounded((v, name) => Engine.Validation.InputBounds.Count(v, name));
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
            var topItems = profile.TopItems.Take(count).Select(i => ItemReport.Of(session.Dataset, i, session.ItemCodes[i, k])).ToList();
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
