using System.Globalization;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Export;
using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Tests.Support;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Export;

public sealed class EmbeddingExporterTests : IDisposable
{
    private static readonly Dataset Data = SyntheticData.Communities(usersPerGroup: 5, itemsPerGroup: 10);
    private readonly string _folder = TestPaths.NewTempFolder();

    private static TrainedRecommender Train(RecommenderModel model) =>
        RecommenderTrainer.Train(Data, DatasetSplit.Create(Data, 1), new RecommenderConfig { Model = model, EmbeddingDim = 3, Epochs = 1, Seed = 2 });

    [Fact]
    public void Mf_export_writes_embeddings_and_biases_exactly()
    {
        using var trained = Train(RecommenderModel.Mf);
        var files = EmbeddingExporter.Export(trained.Model, Data, _folder);
        Assert.Equal(3, files.Count);

        string[] users = File.ReadAllLines(Path.Combine(_folder, EmbeddingExporter.UsersFile));
        Assert.Equal("user_index,user_id,e0,e1,e2", users[0]);
        Assert.Equal(Data.Users.Count + 1, users.Length);
        using (var scope = NewDisposeScope())
        {
            float[] expected = trained.Model.UserEmbeddings().data<float>().ToArray();
            string[] row = users[4].Split(',');                 // user index 3
            Assert.Equal(["3", Data.Users[3].Id.ToString(CultureInfo.InvariantCulture)], row[..2]);
            Assert.Equal(expected.AsSpan(9, 3).ToArray(), row[2..].Select(v => float.Parse(v, CultureInfo.InvariantCulture)));
        }

        string[] items = File.ReadAllLines(Path.Combine(_folder, EmbeddingExporter.ItemsFile));
        Assert.Equal("item_index,item_id,title,e0,e1,e2", items[0]);
        Assert.StartsWith($"0,{Data.Items[0].Id},Item 0,", items[1]);

        var biases = trained.Model.Biases()!;
        string[] biasLines = File.ReadAllLines(Path.Combine(_folder, EmbeddingExporter.BiasesFile));
        Assert.Equal("Kind,Index,Id,Bias", biasLines[0]);
        Assert.Equal(1 + Data.Users.Count + Data.Items.Count, biasLines.Length - 1);
        Assert.Equal($"global,-1,-1,{biases.Global.ToString(CultureInfo.InvariantCulture)}", biasLines[1]);
        Assert.Equal(biases.Item[2], float.Parse(biasLines[1 + Data.Users.Count + 3].Split(',')[3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Ncf_export_has_no_bias_file()
    {
        using var trained = Train(RecommenderModel.Ncf);
        var files = EmbeddingExporter.Export(trained.Model, Data, _folder);
        Assert.Equal(2, files.Count);
        Assert.False(File.Exists(Path.Combine(_folder, EmbeddingExporter.BiasesFile)));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
