using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Interventions;

namespace RecSaeExplorer.Engine.Tests.Exports;

/// <summary>Formula injection (OWASP "CSV Injection") on the engine's CSV writers.</summary>
public sealed class CsvInjectionTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    [Fact]
    public void Experiments_csv_neutralises_every_text_cell_a_visitor_can_fill()
    {
        var e = new Experiment
        {
            Id = "exp-1", RunId = "sae-1", DatasetName = "ml-1m", Kind = ExperimentKind.Promote, ItemId = 1, ItemTitle = "=HYPERLINK(\"https://evil.example\")",
            Neuron = 7, NeuronLabel = "@SUM(1+9)*cmd|' /C calc'!A0", Level = -1.5, Mode = "set", Audience = "+facet", AudienceDescription = "50 fans", AudienceSize = 50,
            Summary = "-2+3", Author = "=1+1", Note = "\tnote", CreatedUtc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), State = "\rstate",
        };
        string line = ExperimentCsv.ToText([e]).Split('\n')[1];

        Assert.StartsWith("exp-1,2026-01-02T03:04:05.0000000Z,'=1+1,sae-1,ml-1m,promote,1,\"'=HYPERLINK(\"\"https://evil.example\"\")\",7,'@SUM(1+9)*cmd|' /C calc'!A0,-1.5,set,'+facet,50,", line);
        Assert.Contains(",'-2+3,'\tnote,\"'\rstate\"", line);
    }

    [Fact]
    public void Intervention_csvs_keep_numbers_numeric_and_neutralise_item_lists()
    {
        string promotion = Path.Combine(_folder, "promote.csv");
        var step = new PromotionStep(-0.5, [new PromotionUser(0, 3, 1, false, true, true, 4)], 1, 1, 1, [], [1f]);
        InterventionCsv.WritePromotion(promotion, new DoseResponse(2, [step], 0.5, null), u => u + 100, i => i + 1000);
        Assert.Equal("-0.5,100,3,1,False,True,True,1004", File.ReadAllLines(promotion)[1]);

        // A dataset whose ids map to negative numbers would otherwise start a cell with '-'.
        string shift = Path.Combine(_folder, "shift.csv");
        var user = new UserShift(0, 0.5, 0.25, [1, 2], [2, 3]);
        InterventionCsv.WriteShift(shift, new AudienceShift(-1, 0.5, 0.25, [user], [], []), u => u + 100, i => -i);
        Assert.Equal("100,0.5,0.25,'-1,'-3", File.ReadAllLines(shift)[1]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
