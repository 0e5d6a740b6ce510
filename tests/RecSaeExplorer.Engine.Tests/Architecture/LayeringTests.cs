using System.Text.RegularExpressions;

namespace RecSaeExplorer.Engine.Tests.Architecture;

/// <summary>
/// The front ends stay thin: LibTorch, LiteDB and the stored JSON are the engine's business. A CLI
/// command or an explorer file that needs one of them is missing a workflow or a typed record in the
/// engine (README, "Architecture").
/// </summary>
public class LayeringTests
{
    private static readonly (string Pattern, string Why)[] EngineOnly =
    [
        (@"\bTorchSharp\b|\btorch\.", "LibTorch"),
        (@"using\s+LiteDB|\bLiteDB\.|\bBson[A-Z]", "LiteDB"),
        (@"\bGcPause\b", "LibTorch's GC handling"),
    ];

    private static readonly (string Pattern, string Why)[] StorageJson =
    [
        (@"System\.Text\.Json\.Nodes|\bJsonObject\b|\bJsonNode\b|\bRunJson\b", "stored JSON"),
        (@"\.(Config|Metrics)\s*\[", "stored JSON"),
    ];

    public static TheoryData<string> FrontEnds => new() { "RecSaeExplorer.Cli", "RecSaeExplorer.Web" };

    [Theory]
    [MemberData(nameof(FrontEnds))]
    public void Front_ends_do_not_touch_libtorch_or_litedb(string project) =>
        AssertNone(Sources(project), EngineOnly);

    [Theory]
    [MemberData(nameof(FrontEnds))]
    public void Cli_commands_and_razor_components_read_runs_through_typed_records(string project)
    {
        var files = Sources(project).Where(f => project.EndsWith("Cli", StringComparison.Ordinal)
            || f.Contains($"{Path.DirectorySeparatorChar}Components{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        AssertNone(files, StorageJson);
    }

    [Fact]
    public void The_rules_see_a_violation() =>
        Assert.Contains(EngineOnly, rule => Regex.IsMatch("using static TorchSharp.torch;", rule.Pattern));

    private static IEnumerable<string> Sources(string project)
    {
        string root = Path.Combine(TestPaths.RepoRoot, "src", project);
        Assert.True(Directory.Exists(root), $"no source folder {root}");
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        return files;
    }

    private static void AssertNone(IEnumerable<string> files, (string Pattern, string Why)[] rules)
    {
        var hits = (from file in files
                    from line in File.ReadLines(file).Select((text, i) => (text, number: i + 1))
                    where !line.text.TrimStart().StartsWith("//", StringComparison.Ordinal) && !line.text.TrimStart().StartsWith("///", StringComparison.Ordinal)
                    from rule in rules
                    where Regex.IsMatch(line.text, rule.Pattern)
                    select $"{Path.GetRelativePath(TestPaths.RepoRoot, file)}:{line.number} uses {rule.Why}: {line.text.Trim()}").ToList();
        Assert.True(hits.Count == 0, string.Join(Environment.NewLine, hits));
    }
}
