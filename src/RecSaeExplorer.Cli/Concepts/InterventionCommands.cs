using System.CommandLine;
using System.Diagnostics;
using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Engine.Interventions;
using RecSaeExplorer.Engine.Validation;

namespace RecSaeExplorer.Cli.Concepts;

/// <summary><c>recsae promote|suppress|nudge</c>: edit latent codes and measure who is affected (METHOD.md §6).</summary>
public static class InterventionCommands
{
    public static Command Promote(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("promote", "Promote an item through a neuron over a level grid and report reach (entered the top-30) and collateral.");
        var o = new InterventionOptions(command, defaultLevel: null);
        var item = new Option<string>("--item") { Description = "Item id or title (the most popular title containing the text).", Required = true };
        var levels = new Option<string>("--levels")
        {
            Description = $"Level grid start:stop:step or a list (at most {InputBounds.MaxLevels:N0} levels, each within ±{InputBounds.MaxLevelMagnitude:N0}).",
            DefaultValueFactory = _ => "0:5:0.5",
        }.Bounded((spec, name) => InputBounds.LevelGrid(spec, name));
        var target = new Option<double>("--target") { Description = "Reach share whose minimum level is reported.", DefaultValueFactory = _ => 0.5 }
            .Bounded((v, name) => InputBounds.Share(v, name));
        command.Options.Add(item);
        command.Options.Add(levels);
        var bench = new Option<int>("--bench") { Description = "Also time this many promotion steps at the last level (median, p95, memory growth)." }
            .Bounded((v, name) => { if (v != 0) InputBounds.Count(v, name); });
        command.Options.Add(target);
        command.Options.Add(bench);
        command.SetAction((parse, ct) =>
        {
            var context = contextFor(parse);
            using var session = ConceptSession.Open(context, parse.GetValue(o.Run)!, ct);
            var neurons = ConceptArguments.Neurons(parse.GetValue(o.Neuron)!, session).Take(1).ToList();
            var info = ConceptArguments.Item(parse.GetValue(item)!, session.Dataset);
            var audience = ConceptArguments.Audience(parse.GetValue(o.Audience), session, neurons[0]);
            var clock = Stopwatch.StartNew();
            using var ic = o.Context(parse, session, audience, ct);
            double contextSeconds = clock.Elapsed.TotalSeconds;
            var edit = new LatentEdit(neurons, 0, ConceptArguments.Mode(parse.GetValue(o.Mode)!));
            var grid = ConceptArguments.Levels(parse.GetValue(levels)!);
            clock.Restart();
            var dose = Promotion.Sweep(ic, info.Index, edit, grid, parse.GetValue(target));
            double stepMs = clock.Elapsed.TotalMilliseconds / Math.Max(1, grid.Length);
            if (parse.GetValue(o.Csv) is { } file) InterventionCsv.WritePromotion(file.FullName, dose, session.UserId, session.ItemId);
            var report = Report(session, dose, info.Index, neurons, parse.GetValue(o.Mode)!, audience, stepMs, contextSeconds);
            if (parse.GetValue(bench) is > 0 and int steps) report = report with { Benchmark = PromotionBenchmark.Run(ic, info.Index, edit.WithLevel(grid[^1]), steps) };
            if (context.Json) context.WriteJson(report);
            else InterventionViews.Promotion(context.Console, report);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    public static Command Suppress(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("suppress", "Cap a neuron (z_k ≤ level, default 0) on an audience's user codes (or every item's, --on) and report the facet's share of their top-30.");
        var o = new InterventionOptions(command, defaultLevel: 0);
        o.AddShiftOptions(command);
        command.SetAction((parse, ct) => Shift(contextFor(parse), parse, o, "suppress", ct));
        return command;
    }

    public static Command Nudge(Func<ParseResult, CliContext> contextFor)
    {
        var command = new Command("nudge", "Set or add to a neuron on an audience's (or one user's) codes, re-rank and report the facet's share of the top-30.");
        var o = new InterventionOptions(command, defaultLevel: 2);
        o.AddShiftOptions(command);
        command.SetAction((parse, ct) => Shift(contextFor(parse), parse, o, "nudge", ct));
        return command;
    }

    private static Task<int> Shift(CliContext context, ParseResult parse, InterventionOptions o, string action, CancellationToken ct)
    {
        using var session = ConceptSession.Open(context, parse.GetValue(o.Run)!, ct);
        var neurons = ConceptArguments.Neurons(parse.GetValue(o.Neuron)!, session);
        if (action == "nudge") neurons = neurons.Take(1).ToList();
        string? audienceSpec = parse.GetValue(o.Audience);
        var audience = ConceptArguments.Audience(audienceSpec, session, neurons[0]);
        int facet = ConceptArguments.Facet(parse.GetValue(o.Facet), session, neurons[0], audienceSpec);
        double level = parse.GetValue(o.Level) ?? 0;
        var edit = action == "suppress" ? LatentEdit.Suppress(neurons, level) : new LatentEdit(neurons, level, ConceptArguments.Mode(parse.GetValue(o.Mode)!));
        using var ic = o.Context(parse, session, audience, ct);
        var target = parse.GetValue(o.On);
        var concept = Audience.InFacet(session.Dataset, facet);
        // With --levels the sweep is computed first; the headline edit at --level is taken from it when the grid has that level.
        var sweep = parse.GetValue(o.Levels) is { } levels
            ? UserIntervention.Sweep(ic, edit, ConceptArguments.Levels(levels), concept, parse.GetValue(o.TargetCut), ct, target)
            : null;
        var shift = sweep?.At(level) ?? UserIntervention.Apply(ic, edit, concept, ct, target);
        if (parse.GetValue(o.Csv) is { } file) InterventionCsv.WriteShift(file.FullName, shift, session.UserId, session.ItemId);
        var report = new ShiftReport(session.Run.Id, action, neurons, session.LabelOf(neurons[0]), level, edit.Mode.ToString().ToLowerInvariant(),
            target.ToString().ToLowerInvariant(), audience.Description, audience.Users.Count, session.Dataset.FacetNames[facet], shift.ShareBefore, shift.ShareAfter, shift.RelativeChange,
            Collateral(session, shift.Removed), Collateral(session, shift.Added));
        if (sweep is not null) report = report with { Curve = ShiftCurveReport.Of(sweep) };
        if (context.Json) context.WriteJson(report);
        else InterventionViews.Shift(context.Console, report);
        return Task.FromResult(ExitCodes.Ok);
    }

    private static PromotionReport Report(ConceptSession session, DoseResponse dose, int item, IReadOnlyList<int> neurons, string mode,
        Audience audience, double stepMs, double contextSeconds)
    {
        var first = dose.Steps[0];
        var levels = dose.Steps.Select(s => new PromotionLevelReport(s.Level, s.Eligible, s.Reached, s.ReachShare, s.ReachedResearch,
            Collateral(session, s.Collateral))).ToList();
        return new PromotionReport(session.Run.Id, ItemReport.Of(session.Dataset, item, 0), neurons, session.LabelOf(neurons[0]),
            mode, audience.Description, audience.Users.Count, first.Users.Count(u => u.Excluded), first.Users.Count(u => u.BaselineRank is not null),
            levels, dose.TargetShare, dose.MinimumLevel, stepMs, contextSeconds);
    }

    private static IReadOnlyList<CollateralReport> Collateral(ConceptSession session, IReadOnlyList<Collateral> items) =>
        items.Take(10).Select(c => new CollateralReport(session.ItemId(c.Item), session.Dataset.Items[c.Item].Title, c.Users)).ToList();
}

/// <summary>Options shared by promote, suppress and nudge.</summary>
internal sealed class InterventionOptions
{
    public InterventionOptions(Command command, double? defaultLevel)
    {
        Level = new Option<double?>("--level") { Description = $"Code value for the edit (finite, within ±{InputBounds.MaxLevelMagnitude:N0}).", DefaultValueFactory = _ => defaultLevel }
            .Bounded((v, name) => { if (v is { } level) InputBounds.Level(level, name); });
        command.Arguments.Add(Run);
        foreach (var option in new Option[] { Neuron, Audience, Mode, Facet, Depth, PlainDecode, Csv }) command.Options.Add(option);
        if (defaultLevel is not null) command.Options.Add(Level);
    }

    public Argument<string> Run { get; } = NeuronCommands.RunArgument();
    public Option<string> Neuron { get; } = new("--neuron") { Description = "Neuron index or label (a label means its most confident neuron; suppress caps every neuron with it).", Required = true };
    public Option<string?> Audience { get; } = new("--audience") { Description = "facet:<name>[:n], gender:F|M, age:<band>, test, all or user:<id> (default: fans of the neuron's facet, else test users)." };
    public Option<string> Mode { get; } = new("--mode") { Description = "set or add.", DefaultValueFactory = _ => "set" };
    public Option<string?> Facet { get; } = new("--facet") { Description = "Facet whose share of the top-30 is measured (default: the neuron's label, else the audience's facet)." };
    public Option<int> Depth { get; } = new Option<int>("--depth") { Description = "List depth.", DefaultValueFactory = _ => 30 }
        .Bounded((v, name) => InputBounds.Count(v, name));
    public Option<bool> PlainDecode { get; } = new("--plain-decode") { Description = "Use the plain decode D(z') (paper) instead of keeping the SAE's reconstruction error." };
    public Option<FileInfo?> Csv { get; } = new("--csv") { Description = "Also write per-user results to this CSV file." };
    public Option<double?> Level { get; }

    /// <summary>suppress and nudge only: --on, --levels and --target-cut.</summary>
    public void AddShiftOptions(Command command)
    {
        command.Options.Add(On);
        command.Options.Add(Levels);
        command.Options.Add(TargetCut);
    }

    public Option<string?> Levels { get; } = new Option<string?>("--levels")
    {
        Description = "Also sweep these levels (start:stop:step or a list; e.g. --levels=-1:0:0.25) and report the share at each.",
    }.Bounded((spec, name) => { if (spec is not null) InputBounds.LevelGrid(spec, name); });

    public Option<double> TargetCut { get; } = new Option<double>("--target-cut")
    {
        Description = "With --levels: report the level nearest 0 that removes at least this share of the facet (0.8 = 80%).",
        DefaultValueFactory = _ => 0.8,
    }.Bounded((v, name) => InputBounds.Share(v, name));

    /// <summary>suppress and nudge only: whose codes are edited.</summary>
    public Option<EditTarget> On { get; } = new("--on")
    {
        Description = "Edit the audience's user codes (users), every item's code (items: a catalogue-wide filter) or both.",
        DefaultValueFactory = _ => EditTarget.Users,
    };

    public InterventionContext Context(ParseResult parse, ConceptSession session, Audience audience, CancellationToken ct) =>
        new(session.Recommender.Model, session.Sae.Sae, session.Split.Train, audience.Users, parse.GetValue(Depth), !parse.GetValue(PlainDecode), ct);
}
