using RecSaeExplorer.Core.Concepts;
using RecSaeExplorer.Core.Exports;

namespace RecSaeExplorer.Core.Tests.Exports;

public class CsvFormulaGuardTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("=HYPERLINK(\"https://evil.example\")", "'=HYPERLINK(\"https://evil.example\")")]
    [InlineData("Horror", "Horror")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_that_a_spreadsheet_would_evaluate_get_a_leading_quote(string? cell, string expected) =>
        Assert.Equal(expected, CsvFormulaGuard.Neutralize(cell));

    [Fact]
    public void The_neurons_csv_neutralises_labels_and_facet_names_from_dataset_metadata()
    {
        var label = new ConceptLabel(ConceptKind.Facet, "=cmd|' /C calc'!A0", null, 0.5, 0.1, 5, 0.001, 0.01, 0.9);
        var profile = new NeuronProfile(7, label, 0.1, null, 1, [1.0], [new Share("@evil", 0.8)], [new Share("-1990s", 0.5)],
            [new PurityAt(20, 0.8)], 10, -0.2, null, null, [1, 2]);
        using var writer = new StringWriter();
        NeuronCsv.Write(writer, [profile]);

        string[] lines = writer.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("7,'=cmd|' /C calc'!A0,facet,", lines[1]);
        Assert.Contains(",'@evil 80", lines[1]);
        Assert.Contains(",'-1990s 50", lines[1]);
        Assert.Contains(",-0.2,", lines[1]); // numbers stay numbers
    }
}
