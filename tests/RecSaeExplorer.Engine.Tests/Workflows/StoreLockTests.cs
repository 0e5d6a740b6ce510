using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Runs;
using RecSaeExplorer.Engine.Sae;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Tests.Sae;
using RecSaeExplorer.Engine.Workflows;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Workflows;

/// <summary>
/// Opening runs holds the store (a process-wide lock in the explorer) only to read: every call into it returns
/// documents and bytes, and the models are built after it is released.
/// </summary>
public sealed class StoreLockTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class RecordingAccess(RunStore store) : IRunStoreAccess
    {
        public List<Type> Returned { get; } = [];

        public T Use<T>(Func<RunStore, T> action)
        {
            var result = action(store);
            Returned.Add(typeof(T));
            return result;
        }
    }

    [Fact]
    public void Loading_a_recommender_and_opening_an_sae_build_nothing_under_the_store()
    {
        using var store = new RunStore(Path.Combine(_folder, "store.db"));
        using var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        var recRun = store.SaveRecommender(recommender);
        using var trained = SaeTrainer.Train(SaeFixture.Data, SaeFixture.Split, recommender.Model, SaeFixture.Quick().WithSteps(5));
        var saeRun = store.SaveSae(trained, recRun.Id);
        var access = new RecordingAccess(store);

        using var loaded = LoadedRecommender.Load(access, recRun.Id, SaeFixture.Data);
        using var opened = OpenedSae.Open(access, loaded, saeRun.Id, withVectors: false);

        Assert.NotEmpty(access.Returned);
        Assert.All(access.Returned, t => Assert.False(HoldsModel(t), $"{t} was built while the store was held"));
        // What was built outside is the stored model, weight for weight.
        using var scope = NewDisposeScope();
        var items = recommender.Model.ItemEmbeddings();
        Assert.True(loaded.Recommender.Model.ItemEmbeddings().equal(items).all().item<bool>());
        Assert.True(trained.Sae.forward(items).allclose(opened.Sae.Sae.forward(items)));
    }

    // A model is disposable; a tuple carrying one counts too.
    private static bool HoldsModel(Type type) =>
        typeof(IDisposable).IsAssignableFrom(type) || (type.IsGenericType && type.GetGenericArguments().Any(HoldsModel));

    [Fact]
    public void A_run_of_the_wrong_kind_is_refused_when_read()
    {
        using var store = new RunStore(Path.Combine(_folder, "store.db"));
        using var recommender = SaeFixture.Recommender(RecommenderModel.Mf);
        var recRun = store.SaveRecommender(recommender);

        var error = Assert.Throws<InvalidOperationException>(() => store.ReadRun(recRun.Id, RunStore.SaeKind));
        Assert.Equal($"Run '{recRun.Id}' is a recommender run, not an SAE.", error.Message);
    }
}
