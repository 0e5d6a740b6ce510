using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Web.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Labs;

[Collection(TinyRunsCollection.Name)]
public sealed class ExperimentsExportTests(TinyRunsFixture runs)
{
    [Fact]
    public void The_export_holds_every_saved_experiment_of_the_run_with_its_state()
    {
        string author = $"csv-{Guid.NewGuid():N}";
        var saved = runs.Catalog.SaveExperiment(new Experiment
        {
            Id = Guid.NewGuid().ToString("N")[..12], RunId = runs.Sae.Id, DatasetName = "ml-latest-small", Kind = ExperimentKind.Suppress,
            Neuron = 3, NeuronLabel = "Horror, \"scary\"", Level = -1.5, Mode = "cap", Audience = "facet:Horror:40", AudienceDescription = "40 Horror fans",
            AudienceSize = 40, ShareBefore = 0.4, ShareAfter = 0.1, Summary = "Horror share 40% → 10%", Author = author, Note = "a, b",
            CreatedUtc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), State = "run=x&neuron=3&level=-1.5&mode=cap",
        });

        string csv = ExperimentsExport.Csv(runs.Catalog, runs.Sae.Id);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Id,CreatedUtc,Author,RunId,Dataset,Kind,ItemId,ItemTitle,Neuron,NeuronLabel,Level,Mode,Audience", lines[0]);
        Assert.Equal(runs.Catalog.Experiments(runs.Sae.Id).Count + 1, lines.Length);
        string row = Assert.Single(lines, l => l.Contains(author, StringComparison.Ordinal));
        Assert.Equal($"{saved.Id},2026-01-02T03:04:05.0000000Z,{author},{runs.Sae.Id},ml-latest-small,suppress,,,3,\"Horror, \"\"scary\"\"\",-1.5,cap,facet:Horror:40,40,,,0.4,0.1,Horror share 40% → 10%,\"a, b\",run=x&neuron=3&level=-1.5&mode=cap,,,,,,,,", row); // the last empty cell: no dose curve
        Assert.DoesNotContain(author, ExperimentsExport.Csv(runs.Catalog, "some-other-run"));
    }
}
